package dev.portablefn.runtime.internal.outbound;

import dev.portablefn.api.Context;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.TraceContext;
import dev.portablefn.api.http.Redaction;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The checks and derivations every outbound implementation makes around its SDK call, whatever the provider:
 * the trace a message carries, the time a call may take, the size a payload may have, and the text a failure
 * may show.
 */
public final class OutboundCalls {

    /** The attribute that carries the W3C trace context on every provider. */
    public static final String TRACEPARENT = "traceparent";

    /** Keeps this much of the invocation's remaining time for the function itself after a call times out. */
    private static final Duration RESERVE = Duration.ofMillis(100);

    private OutboundCalls() {
    }

    /**
     * Gives the trace of the invocation running on this thread.
     *
     * @return its trace, or empty outside an invocation or when it carries none
     */
    public static Optional<TraceContext> currentTrace() {
        return CurrentInvocation.context().flatMap(Context::trace);
    }

    /**
     * Gives the attributes a message goes out with: the caller's, plus a {@code traceparent} continuing the
     * current invocation's trace unless the caller set one.
     *
     * @param attributes the caller's attributes; may be {@code null}
     * @return a new mutable map in the caller's order, with the trace last
     */
    public static Map<String, String> withTrace(Map<String, String> attributes) {
        Map<String, String> out = attributes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(attributes);
        if (!out.containsKey(TRACEPARENT)) {
            currentTrace().ifPresent(trace -> out.put(TRACEPARENT, trace.toTraceparent()));
        }
        return out;
    }

    /**
     * Gives the time a call may take: at most {@code cap}, and no longer than the current invocation has left
     * (less a small reserve so the function can still answer).
     *
     * @param logical the logical destination or bucket, for the error message
     * @param cap     the longest a call may take
     * @return the call's timeout
     * @throws RetryableException when the invocation has no time left for the call
     */
    public static Duration callTimeout(String logical, Duration cap) {
        Optional<Context> context = CurrentInvocation.context();
        if (context.isEmpty() || context.get().deadline().isEmpty()) {
            return cap;
        }
        Duration left = context.get().remainingTime().minus(RESERVE);
        if (left.isNegative() || left.isZero()) {
            throw new RetryableException("no time is left in the invocation for the call to '" + logical + "'");
        }
        return left.compareTo(cap) < 0 ? left : cap;
    }

    /**
     * Refuses a payload over the provider's limit before any call is made.
     *
     * @param logical the logical destination, named in the error
     * @param bytes   the payload's size as the provider counts it
     * @param limit   the provider's limit in bytes
     * @param service the provider's service, named in the error ({@code SNS}, {@code Pub/Sub})
     * @throws PermanentFailure when {@code bytes > limit}
     */
    public static void checkSize(String logical, long bytes, long limit, String service) {
        if (bytes > limit) {
            throw new PermanentFailure("the message to '" + logical + "' is " + bytes + " bytes, over " + service
                    + "'s limit of " + limit + " bytes");
        }
    }

    /**
     * Removes credentials, signatures and connection-string keys from a provider's message, so that an error
     * built from it can be logged and returned.
     *
     * @param message the provider's message; may be {@code null}
     * @return the message with every secret value hidden as {@link Redaction#hideSecrets} does
     */
    public static String redact(String message) {
        return Redaction.hideSecrets(message);
    }
}
