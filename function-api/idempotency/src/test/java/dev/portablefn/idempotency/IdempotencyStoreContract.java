package dev.portablefn.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.idempotency.IdempotencyStore.StartResult;
import dev.portablefn.idempotency.IdempotencyStore.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link IdempotencyStore} must have; subclasses supply the store. */
abstract class IdempotencyStoreContract {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final Duration TTL = Duration.ofSeconds(30);

    abstract IdempotencyStore store();

    static String uniqueKey() {
        return "key-" + UUID.randomUUID();
    }

    @Test
    void firstClaimStartsAndSecondSeesInProgress() {
        String key = uniqueKey();
        assertThat(store().tryStart(key, T0, T0.plus(TTL)).status()).isEqualTo(Status.STARTED);
        assertThat(store().tryStart(key, T0.plusSeconds(1), T0.plusSeconds(1).plus(TTL)).status())
                .isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void completedKeyReturnsStoredResult() {
        String key = uniqueKey();
        store().tryStart(key, T0, T0.plus(TTL));
        store().complete(key, "stored".getBytes(StandardCharsets.UTF_8), T0.plus(Duration.ofHours(1)));

        StartResult duplicate = store().tryStart(key, T0.plusSeconds(5), T0.plusSeconds(5).plus(TTL));

        assertThat(duplicate.status()).isEqualTo(Status.COMPLETED);
        assertThat(new String(duplicate.result(), StandardCharsets.UTF_8)).isEqualTo("stored");
    }

    @Test
    void completedWithEmptyResultIsStillCompleted() {
        String key = uniqueKey();
        store().tryStart(key, T0, T0.plus(TTL));
        store().complete(key, new byte[0], T0.plus(Duration.ofHours(1)));

        StartResult duplicate = store().tryStart(key, T0.plusSeconds(1), T0.plus(TTL));

        assertThat(duplicate.status()).isEqualTo(Status.COMPLETED);
        assertThat(duplicate.result()).isEmpty();
    }

    @Test
    void releasedKeyCanStartAgain() {
        String key = uniqueKey();
        store().tryStart(key, T0, T0.plus(TTL));
        store().release(key);

        assertThat(store().tryStart(key, T0.plusSeconds(1), T0.plus(TTL)).status()).isEqualTo(Status.STARTED);
    }

    @Test
    void releaseKeepsCompletedRecords() {
        String key = uniqueKey();
        store().tryStart(key, T0, T0.plus(TTL));
        store().complete(key, new byte[] {1}, T0.plus(Duration.ofHours(1)));
        store().release(key);

        assertThat(store().tryStart(key, T0.plusSeconds(1), T0.plus(TTL)).status()).isEqualTo(Status.COMPLETED);
    }

    @Test
    void expiredInProgressClaimIsTakenOver() {
        String key = uniqueKey();
        store().tryStart(key, T0, T0.plus(TTL));

        Instant afterExpiry = T0.plus(TTL).plusMillis(1);
        assertThat(store().tryStart(key, afterExpiry, afterExpiry.plus(TTL)).status()).isEqualTo(Status.STARTED);
        assertThat(store().tryStart(key, afterExpiry.plusSeconds(1), afterExpiry.plus(TTL)).status())
                .isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void inProgressClaimIsLiveUntilItsExpiry() {
        String key = uniqueKey();
        store().tryStart(key, T0, T0.plus(TTL));

        Instant justBefore = T0.plus(TTL).minusMillis(1);
        assertThat(store().tryStart(key, justBefore, justBefore.plus(TTL)).status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(store().tryStart(key, T0.plus(TTL), T0.plus(TTL).plus(TTL)).status()).isEqualTo(Status.STARTED);
    }

    @Test
    void expiredCompletedRecordIsForgotten() {
        String key = uniqueKey();
        store().tryStart(key, T0, T0.plus(TTL));
        store().complete(key, new byte[] {7}, T0.plus(Duration.ofMinutes(1)));

        Instant later = T0.plus(Duration.ofMinutes(2));
        assertThat(store().tryStart(key, later, later.plus(TTL)).status()).isEqualTo(Status.STARTED);
    }

    @Test
    void keysAreIndependent() {
        String first = uniqueKey();
        String second = uniqueKey();
        store().tryStart(first, T0, T0.plus(TTL));

        assertThat(store().tryStart(second, T0, T0.plus(TTL)).status()).isEqualTo(Status.STARTED);
    }
}
