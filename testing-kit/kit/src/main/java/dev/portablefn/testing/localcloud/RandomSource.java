package dev.portablefn.testing.localcloud;

import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

/**
 * Everything LocalCloud draws at random (message and request ids, span ids, backoff jitter) comes from this one
 * seeded generator, in the order the cloud asks, so that a run with the same seed repeats exactly.
 */
final class RandomSource {

    private final Random random;

    RandomSource(long seed) {
        this.random = new Random(seed);
    }

    /** @return a new message, event or request id */
    String newId() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** @return a new W3C span id: 16 lower-case hex digits */
    String newSpanId() {
        return HexFormat.of().toHexDigits(random.nextLong());
    }

    /** @return the generator itself, for the backoff jitter */
    Random random() {
        return random;
    }
}
