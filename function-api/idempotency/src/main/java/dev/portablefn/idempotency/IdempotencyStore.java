package dev.portablefn.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where the {@link Idempotency} middleware records which keys are being or have been processed.
 *
 * <p>Each claim has an owner: a token the caller makes up (a random UUID) and passes to every later call, so
 * an invocation whose claim lapsed and was taken over by a redelivery can no longer renew, complete or release
 * the newer claim. Claims are leases: they lapse at their expiry unless renewed.
 *
 * <p>Implementations must make {@link #tryStart} atomic: of two concurrent calls with the same key and
 * no live record, exactly one may return {@link Status#STARTED}. Time is judged by the store: {@code now} is the
 * caller's clock reading, which a store shared by many machines may ignore in favour of a clock of its own (the
 * JDBC store uses the database's). Failures are thrown as unchecked exceptions; the middleware turns them into
 * retryable failures.
 */
public interface IdempotencyStore {

    /**
     * Claims a key for one invocation. A record whose expiry is at or before {@code now} counts as
     * absent and is taken over.
     *
     * @param key   the idempotency key
     * @param owner the claim's owner token, written with the claim
     * @param now   the caller's current time
     * @param lease how long the claim lives unless renewed, completed or released
     * @return {@link Status#STARTED} when {@code owner} now holds the key, {@link Status#COMPLETED} with the
     *         stored result, or {@link Status#IN_PROGRESS} when another owner holds a live claim
     */
    StartResult tryStart(String key, String owner, Instant now, Duration lease);

    /**
     * Extends a claim still held by {@code owner} to {@code now + lease}.
     *
     * @param key   the idempotency key
     * @param owner the owner token given to {@link #tryStart}
     * @param now   the caller's current time
     * @param lease how long from now the claim lives
     * @return {@code true} if the claim was extended; {@code false} if it is no longer this owner's in-progress
     *         claim (taken over, completed or released)
     */
    boolean renew(String key, String owner, Instant now, Duration lease);

    /**
     * Marks a key done and stores the result duplicates are answered with, when {@code owner} still holds the
     * claim or no live record of another owner is in the way; a live record of another owner (a redelivery that
     * took the lapsed claim over) is kept, since that invocation records its own outcome.
     *
     * @param key    the idempotency key
     * @param owner  the owner token given to {@link #tryStart}
     * @param result the serialized result, possibly empty
     * @param now    the caller's current time
     * @param ttl    how long from now the completed record answers duplicates
     * @return {@code true} if the result was recorded; {@code false} if another owner's record was kept
     */
    boolean complete(String key, String owner, byte[] result, Instant now, Duration ttl);

    /**
     * Drops the in-progress claim of {@code owner} so a retry can run; completed records and other owners'
     * claims are kept.
     *
     * @param key   the idempotency key
     * @param owner the owner token given to {@link #tryStart}
     * @return {@code true} if a claim was dropped
     */
    boolean release(String key, String owner);

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
