package dev.portablefn.testing.localcloud;

import java.time.Instant;

/**
 * One delivery of one message to a function, for inspection.
 *
 * @param messageId the message
 * @param attempt   which delivery of the message this was, from 1 (skipped deliveries do not count)
 * @param function  the function it was delivered to
 * @param requestId the invocation that received it
 * @param at        when it was delivered, on the virtual clock
 * @param result    how it ended for this message
 */
public record Delivery(String messageId, int attempt, String function, String requestId, Instant at, Result result) {

    /** How a delivery ended for its message. */
    public enum Result {
        /** Processed (or published to the function's own dead-letter destination); the message is deleted. */
        SUCCEEDED,
        /** Failed retryably; redelivered after the backoff, or dead-lettered after the last attempt. */
        FAILED,
        /** Failed permanently; dead-lettered at once (the {@code LOCAL} preset: on the others the adapter's answer is a failure). */
        REJECTED,
        /** The invocation took longer than the function's timeout. */
        TIMED_OUT,
        /** An earlier record of an ordered batch failed; returned to the queue without counting an attempt. */
        SKIPPED,
        /** The function crashed ({@link LocalCloud#crash()}); the message reappears when its visibility timeout expires. */
        LOST
    }
}
