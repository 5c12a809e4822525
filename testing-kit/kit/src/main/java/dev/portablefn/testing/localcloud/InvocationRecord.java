package dev.portablefn.testing.localcloud;

import dev.portablefn.testing.CapturedLog;
import java.time.Instant;
import java.util.List;

/**
 * One invocation of a function in LocalCloud, for inspection: what it received, how it ended and
 * what it logged.
 *
 * @param requestId  the invocation id the function saw in its context
 * @param function   the function name
 * @param startedAt  when it started, on the virtual clock
 * @param finishedAt when it ended (start plus virtual time spent, capped at the timeout)
 * @param eventIds   the message or event ids it received, in order; empty for HTTP
 * @param outcome    how it ended as a whole
 * @param failedIds  the ids reported failed (retryable, permanent or skipped)
 * @param failure    the first failure's description, or {@code null}
 * @param logs       what the function logged through its context's logger, with the MDC
 */
public record InvocationRecord(String requestId, String function, Instant startedAt, Instant finishedAt,
                               List<String> eventIds, Outcome outcome, List<String> failedIds, String failure,
                               List<CapturedLog> logs) {

    /** @throws NullPointerException if a list is {@code null} */
    public InvocationRecord {
        eventIds = List.copyOf(eventIds);
        failedIds = List.copyOf(failedIds);
        logs = List.copyOf(logs);
    }

    /** How an invocation ended. */
    public enum Outcome {
        /** Everything succeeded (for HTTP: a status below 500). */
        SUCCEEDED,
        /** Some records of a batch failed. */
        PARTIALLY_FAILED,
        /** Every record failed, or the HTTP status was 5xx. */
        FAILED,
        /** It ran past the function's timeout. */
        TIMED_OUT,
        /** It crashed and reported nothing. */
        CRASHED
    }
}
