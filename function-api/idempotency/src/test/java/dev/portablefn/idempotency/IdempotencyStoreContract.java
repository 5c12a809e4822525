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
    static final Duration HOUR = Duration.ofHours(1);

    abstract IdempotencyStore store();

    static String uniqueKey() {
        return "key-" + UUID.randomUUID();
    }

    static String owner() {
        return "owner-" + UUID.randomUUID();
    }

    private Status claim(String key, String owner, Instant now) {
        return store().tryStart(key, owner, now, TTL).status();
    }

    @Test
    void firstClaimStartsAndSecondSeesInProgress() {
        String key = uniqueKey();
        assertThat(claim(key, owner(), T0)).isEqualTo(Status.STARTED);
        assertThat(claim(key, owner(), T0.plusSeconds(1))).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void completedKeyReturnsStoredResult() {
        String key = uniqueKey();
        String owner = owner();
        store().tryStart(key, owner, T0, TTL);
        assertThat(store().complete(key, owner, "stored".getBytes(StandardCharsets.UTF_8), T0, HOUR)).isTrue();

        StartResult duplicate = store().tryStart(key, owner(), T0.plusSeconds(5), TTL);

        assertThat(duplicate.status()).isEqualTo(Status.COMPLETED);
        assertThat(new String(duplicate.result(), StandardCharsets.UTF_8)).isEqualTo("stored");
    }

    @Test
    void completedWithEmptyResultIsStillCompleted() {
        String key = uniqueKey();
        String owner = owner();
        store().tryStart(key, owner, T0, TTL);
        store().complete(key, owner, new byte[0], T0, HOUR);

        StartResult duplicate = store().tryStart(key, owner(), T0.plusSeconds(1), TTL);

        assertThat(duplicate.status()).isEqualTo(Status.COMPLETED);
        assertThat(duplicate.result()).isEmpty();
    }

    @Test
    void releasedKeyCanStartAgain() {
        String key = uniqueKey();
        String owner = owner();
        store().tryStart(key, owner, T0, TTL);

        assertThat(store().release(key, owner)).isTrue();
        assertThat(claim(key, owner(), T0.plusSeconds(1))).isEqualTo(Status.STARTED);
    }

    @Test
    void releaseKeepsCompletedRecords() {
        String key = uniqueKey();
        String owner = owner();
        store().tryStart(key, owner, T0, TTL);
        store().complete(key, owner, new byte[] {1}, T0, HOUR);

        assertThat(store().release(key, owner)).isFalse();
        assertThat(claim(key, owner(), T0.plusSeconds(1))).isEqualTo(Status.COMPLETED);
    }

    @Test
    void expiredInProgressClaimIsTakenOver() {
        String key = uniqueKey();
        store().tryStart(key, owner(), T0, TTL);

        Instant afterExpiry = T0.plus(TTL).plusMillis(1);
        assertThat(claim(key, owner(), afterExpiry)).isEqualTo(Status.STARTED);
        assertThat(claim(key, owner(), afterExpiry.plusSeconds(1))).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void inProgressClaimIsLiveUntilItsExpiry() {
        String key = uniqueKey();
        store().tryStart(key, owner(), T0, TTL);

        assertThat(claim(key, owner(), T0.plus(TTL).minusMillis(1))).isEqualTo(Status.IN_PROGRESS);
        assertThat(claim(key, owner(), T0.plus(TTL))).isEqualTo(Status.STARTED);
    }

    @Test
    void expiredCompletedRecordIsForgotten() {
        String key = uniqueKey();
        String owner = owner();
        store().tryStart(key, owner, T0, TTL);
        store().complete(key, owner, new byte[] {7}, T0, Duration.ofMinutes(1));

        assertThat(claim(key, owner(), T0.plus(Duration.ofMinutes(2)))).isEqualTo(Status.STARTED);
    }

    @Test
    void keysAreIndependent() {
        String first = uniqueKey();
        store().tryStart(first, owner(), T0, TTL);

        assertThat(claim(uniqueKey(), owner(), T0)).isEqualTo(Status.STARTED);
    }

    @Test
    void staleOwnersReleaseLeavesTheClaimThatTookItsKeyOver() {
        String key = uniqueKey();
        String stale = owner();
        String newer = owner();
        store().tryStart(key, stale, T0, TTL);
        Instant lapsed = T0.plus(TTL).plusSeconds(1);
        assertThat(claim(key, newer, lapsed)).isEqualTo(Status.STARTED);

        assertThat(store().release(key, stale)).isFalse();

        assertThat(claim(key, owner(), lapsed.plusSeconds(1))).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void staleOwnersCompleteLeavesTheClaimThatTookItsKeyOver() {
        String key = uniqueKey();
        String stale = owner();
        String newer = owner();
        store().tryStart(key, stale, T0, TTL);
        Instant lapsed = T0.plus(TTL).plusSeconds(1);
        store().tryStart(key, newer, lapsed, TTL);

        assertThat(store().complete(key, stale, new byte[] {1}, lapsed, HOUR)).isFalse();

        assertThat(claim(key, owner(), lapsed.plusSeconds(1))).isEqualTo(Status.IN_PROGRESS);
        assertThat(store().complete(key, newer, new byte[] {2}, lapsed.plusSeconds(2), HOUR)).isTrue();
        assertThat(store().tryStart(key, owner(), lapsed.plusSeconds(3), TTL).result()).containsExactly(2);
    }

    @Test
    void completeRecordsTheResultWhenTheOwnersClaimLapsedWithoutATakeover() {
        String key = uniqueKey();
        String owner = owner();
        store().tryStart(key, owner, T0, TTL);
        Instant late = T0.plus(TTL).plusSeconds(5);

        assertThat(store().complete(key, owner, new byte[] {3}, late, HOUR)).isTrue();
        assertThat(claim(key, owner(), late.plusSeconds(1))).isEqualTo(Status.COMPLETED);
    }

    @Test
    void renewalKeepsTheOwnersClaimLivePastItsFirstExpiry() {
        String key = uniqueKey();
        String owner = owner();
        store().tryStart(key, owner, T0, TTL);

        assertThat(store().renew(key, owner, T0.plusSeconds(20), TTL)).isTrue();

        assertThat(claim(key, owner(), T0.plusSeconds(45))).isEqualTo(Status.IN_PROGRESS);
        assertThat(claim(key, owner(), T0.plusSeconds(50))).isEqualTo(Status.STARTED);
    }

    @Test
    void renewalByAnotherOwnerChangesNothing() {
        String key = uniqueKey();
        store().tryStart(key, owner(), T0, TTL);

        assertThat(store().renew(key, owner(), T0.plusSeconds(20), TTL)).isFalse();

        assertThat(claim(key, owner(), T0.plus(TTL))).isEqualTo(Status.STARTED);
    }

    @Test
    void renewalOfACompletedKeyChangesNothing() {
        String key = uniqueKey();
        String owner = owner();
        store().tryStart(key, owner, T0, TTL);
        store().complete(key, owner, new byte[] {4}, T0, Duration.ofMinutes(1));

        assertThat(store().renew(key, owner, T0.plusSeconds(50), HOUR)).isFalse();

        assertThat(claim(key, owner(), T0.plus(Duration.ofMinutes(2)))).isEqualTo(Status.STARTED);
    }
}
