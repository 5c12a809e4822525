package dev.portablefn.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link IdempotencyStore} in this JVM's memory: for tests and for single-instance deployments
 * where duplicates only arrive at the same instance. Thread-safe; records vanish with the process.
 * Time is the caller's clock ({@code now}).
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryIdempotencyStore() {
    }

    @Override
    public StartResult tryStart(String key, String owner, Instant now, Duration lease) {
        Objects.requireNonNull(owner, "owner");
        Instant expiresAt = now.plus(Objects.requireNonNull(lease, "lease"));
        StartResult[] answer = new StartResult[1];
        entries.compute(Objects.requireNonNull(key, "key"), (k, existing) -> {
            if (existing == null || existing.expiredAt(now)) {
                answer[0] = StartResult.started();
                return new Entry(owner, false, null, expiresAt);
            }
            answer[0] = existing.completed ? StartResult.completed(existing.result) : StartResult.inProgress();
            return existing;
        });
        return answer[0];
    }

    @Override
    public boolean renew(String key, String owner, Instant now, Duration lease) {
        Instant expiresAt = now.plus(Objects.requireNonNull(lease, "lease"));
        boolean[] renewed = new boolean[1];
        entries.computeIfPresent(Objects.requireNonNull(key, "key"), (k, existing) -> {
            if (existing.completed || !existing.owner.equals(owner)) {
                return existing;
            }
            renewed[0] = true;
            return new Entry(owner, false, null, expiresAt);
        });
        return renewed[0];
    }

    @Override
    public boolean complete(String key, String owner, byte[] result, Instant now, Duration ttl) {
        Objects.requireNonNull(owner, "owner");
        Entry done = new Entry(owner, true, result == null ? new byte[0] : result.clone(),
                now.plus(Objects.requireNonNull(ttl, "ttl")));
        boolean[] recorded = new boolean[1];
        entries.compute(Objects.requireNonNull(key, "key"), (k, existing) -> {
            if (existing == null || existing.owner.equals(owner) || existing.expiredAt(now)) {
                recorded[0] = true;
                return done;
            }
            return existing;
        });
        return recorded[0];
    }

    @Override
    public boolean release(String key, String owner) {
        boolean[] released = new boolean[1];
        entries.computeIfPresent(Objects.requireNonNull(key, "key"), (k, existing) -> {
            if (existing.completed || !existing.owner.equals(owner)) {
                return existing;
            }
            released[0] = true;
            return null;
        });
        return released[0];
    }

    /**
     * Forgets records that expired at or before {@code now}; call it now and then in long-lived processes.
     *
     * @param now the current time
     * @return how many records were removed
     */
    public int purgeExpired(Instant now) {
        int before = entries.size();
        entries.values().removeIf(entry -> entry.expiredAt(now));
        return Math.max(0, before - entries.size());
    }

    /**
     * Counts the records held, for tests and for deciding when to {@link #purgeExpired(Instant) purge}.
     *
     * @return how many records are held, live or expired
     */
    public int size() {
        return entries.size();
    }

    private record Entry(String owner, boolean completed, byte[] result, Instant expiresAt) {
        boolean expiredAt(Instant now) {
            return !expiresAt.isAfter(now);
        }
    }
}
