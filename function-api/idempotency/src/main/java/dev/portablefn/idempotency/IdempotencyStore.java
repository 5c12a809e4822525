package dev.portablefn.idempotency;

import java.time.Instant;
import java.util.Objects;

/**
 * Where the {@link Idempotency} middleware records which keys are being or have been processed.
 * Implementations must make {@link #tryStart} atomic: of two concurrent calls with the same key and
 * no live record, exactly one may return {@link Status#STARTED}. Failures are thrown as unchecked
 * exceptions; the middleware turns them into retryable failures.
 */
public interface IdempotencyStore {

    /**
     * Claims a key for one invocation. A record whose expiry is at or before {@code now} counts as
     * absent and is taken over.
     *
     * @param key       the idempotency key
     * @param now       the invocation's current time
     * @param expiresAt when the in-progress claim lapses if never completed or released
     * @return {@link Status#STARTED} when this caller now owns the key, {@link Status#COMPLETED} with the
     *         stored result, or {@link Status#IN_PROGRESS} when another caller holds a live claim
     */
    StartResult tryStart(String key, Instant now, Instant expiresAt);

    /**
     * Marks a claimed key as done and stores the result duplicates are answered with.
     *
     * @param key       the idempotency key
     * @param result    the serialized result, possibly empty
     * @param expiresAt when the completed record may be forgotten
     */
    void complete(String key, byte[] result, Instant expiresAt);

    /**
     * Drops an in-progress claim so a retry can run; completed records are kept.
     *
     * @param key the idempotency key
     */
    void release(String key);

    /** What {@link #tryStart} found. */
    enum Status {
        /** No live record existed; the caller now owns the key and must run. */
        STARTED,
        /** A completed record exists; its result answers the duplicate. */
        COMPLETED,
        /** Another invocation holds a live claim on the key. */
        IN_PROGRESS
    }

    /** The answer of {@link #tryStart}: a status and, for {@link Status#COMPLETED}, the stored result. */
    final class StartResult {
        private static final StartResult STARTED = new StartResult(Status.STARTED, null);
        private static final StartResult IN_PROGRESS = new StartResult(Status.IN_PROGRESS, null);

        private final Status status;
        private final byte[] result;

        private StartResult(Status status, byte[] result) {
            this.status = status;
            this.result = result;
        }

        /**
         * Answers that the caller now owns the key and must run the function.
         *
         * @return the {@link Status#STARTED} answer
         */
        public static StartResult started() {
            return STARTED;
        }

        /**
         * Answers that another invocation holds a live claim on the key.
         *
         * @return the {@link Status#IN_PROGRESS} answer
         */
        public static StartResult inProgress() {
            return IN_PROGRESS;
        }

        /**
         * Answers that the key was completed, with the result duplicates are answered with.
         *
         * @param result the stored result, copied; {@code null} counts as empty
         * @return the {@link Status#COMPLETED} answer
         */
        public static StartResult completed(byte[] result) {
            return new StartResult(Status.COMPLETED, result == null ? new byte[0] : result.clone());
        }

        /**
         * Tells what the store found for the key.
         *
         * @return the status
         */
        public Status status() {
            return status;
        }

        /**
         * Gives the result stored with a completed key.
         *
         * @return a copy of the stored result; empty unless {@link Status#COMPLETED}
         */
        public byte[] result() {
            return result == null ? new byte[0] : result.clone();
        }

        @Override
        public String toString() {
            return "StartResult{" + status + (result == null ? "" : ", " + result.length + " bytes") + "}";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StartResult that && status == that.status
                    && java.util.Arrays.equals(result, that.result);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status) * 31 + java.util.Arrays.hashCode(result);
        }
    }
}
