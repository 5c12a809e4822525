package dev.portablefn.testing.localcloud;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * When LocalCloud redelivers a message after a failed attempt. {@link #visibilityTimeout()} waits for
 * the message's visibility timeout to expire (SQS); the others release it at once and wait a delay
 * computed by a Resilience4j {@link IntervalFunction} (Pub/Sub retry policy, Lambda async retries).
 *
 * @param kind       how the delay is chosen
 * @param initial    the first delay (ignored for {@link Kind#VISIBILITY_TIMEOUT})
 * @param multiplier how much each further delay grows; 1 for a fixed delay
 * @param max        the longest delay
 * @param jitter     randomisation factor in [0, 1): each delay is spread by up to this fraction, from a seeded random
 */
public record Backoff(Kind kind, Duration initial, double multiplier, Duration max, double jitter) {

    /** How a {@link Backoff} chooses the delay. */
    public enum Kind {
        /** The message stays invisible until its visibility timeout, counted from its receipt, expires. */
        VISIBILITY_TIMEOUT,
        /** The message is released at failure and redelivered after a delay. */
        DELAY
    }

    /** @throws IllegalArgumentException for negative durations, a multiplier below 1 or jitter outside [0, 1) */
    public Backoff {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || max.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max, got " + initial + " and " + max);
        }
        if (multiplier < 1.0 || jitter < 0.0 || jitter >= 1.0) {
            throw new IllegalArgumentException("backoff needs multiplier >= 1 and jitter in [0, 1), got "
                    + multiplier + " and " + jitter);
        }
    }

    /** @return redelivery when the visibility timeout expires, as SQS does */
    public static Backoff visibilityTimeout() {
        return new Backoff(Kind.VISIBILITY_TIMEOUT, Duration.ZERO, 1.0, Duration.ZERO, 0.0);
    }

    /**
     * @param delay the delay before every redelivery; zero redelivers at once (Azure Queue, Service Bus abandon)
     * @return a fixed backoff
     */
    public static Backoff fixed(Duration delay) {
        return new Backoff(Kind.DELAY, delay, 1.0, delay, 0.0);
    }

    /**
     * @param initial    the delay after the first failure
     * @param multiplier the growth per further failure
     * @param max        the cap
     * @return an exponential backoff without jitter
     */
    public static Backoff exponential(Duration initial, double multiplier, Duration max) {
        return new Backoff(Kind.DELAY, initial, multiplier, max, 0.0);
    }

    /**
     * @param factor randomisation factor in [0, 1)
     * @return this backoff with jitter
     */
    public Backoff withJitter(double factor) {
        return new Backoff(kind, initial, multiplier, max, factor);
    }

    /**
     * @param random the seeded source of jitter
     * @return the delay after failed attempt {@code n} (from 1), as a Resilience4j interval function in milliseconds
     */
    IntervalFunction intervalFunction(Random random) {
        if (kind == Kind.VISIBILITY_TIMEOUT || initial.isZero()) {
            return attempt -> 0L;
        }
        IntervalFunction base = multiplier == 1.0 ? IntervalFunction.of(initial)
                : IntervalFunction.ofExponentialBackoff(initial, multiplier, max);
        if (jitter == 0.0) {
            return base;
        }
        // Resilience4j's own randomized functions use Math.random(); a seeded Random keeps runs repeatable.
        return attempt -> {
            long delay = base.apply(attempt);
            double spread = delay * jitter;
            return Math.max(0L, Math.round(delay - spread + random.nextDouble() * 2 * spread));
        };
    }
}
