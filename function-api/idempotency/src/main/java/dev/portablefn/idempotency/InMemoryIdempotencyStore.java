package dev.portablefn.idempotency;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link IdempotencyStore} in this JVM's memory: for tests and for single-instance deployments
 * where duplicates only arrive at the same instance. Thread-safe; records vanish with the process.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryIdempotencyStore() {
    }

    @Override
    public StartResult tryStart(String key, Instant now, Instant expiresAt) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(expiresAt, "expiresAt");
        StartResult[] answer = new StartResult[1];
        entries.compute(key, (k, existing) -> {
            if (existing == null || !existing.expiresAt.isAfter(now)) {
                answer[0] = StartResult.started();
                return new Entry(false, null, expiresAt);
            }
            answer[0] = existing.completed ? StartResult.completed(existing.result) : StartResult.inProgress();
            return existing;
        });
        return answer[0];
    }

    @Override
    public void complete(String key, byte[] result, Instant expiresAt) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expiresAt, "expiresAt");
        entries.put(key, new Entry(true, result == null ? new byte[0] : result.clone(), expiresAt));
    }

    @Override
    public void release(String key) {
        entries.computeIfPresent(Objects.requireNonNull(key, "key"), (k, existing) -> existing.completed ? existing : null);
    }

    /**
     * Forgets records that expired at or before {@code now}; call it now and then in long-lived processes.
     *
     * @param now the current time
     * @return how many records were removed
     */
    public int purgeExpired(Instant now) {
        int before = entries.size();
        entries.values().removeIf(entry -> !entry.expiresAt.isAfter(now));
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

    private record Entry(boolean completed, byte[] result, Instant expiresAt) {
    }
}
