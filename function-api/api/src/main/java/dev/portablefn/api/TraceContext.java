package dev.portablefn.api;

/**
 * Where an invocation sits in a distributed trace, normalised from whichever header the provider used
 * (W3C {@code traceparent}, AWS X-Ray, Google's {@code X-Cloud-Trace-Context}).
 *
 * @param traceId 32 lower-case hex digits (the W3C trace id; X-Ray ids are mapped onto it)
 * @param spanId  16 lower-case hex digits, or {@code null} when the header carries no parent span
 * @param sampled whether the caller sampled this trace
 * @param header  the original header value, for propagation in the provider's own format
 */
public record TraceContext(String traceId, String spanId, boolean sampled, String header) {

    /**
     * Gives this position as a W3C {@code traceparent} header, for calls the function makes itself.
     *
     * @return the header value, {@code 00-<trace id>-<span id>-<flags>}
     */
    public String toTraceparent() {
        String span = spanId == null ? "0000000000000001" : spanId;
        return "00-" + traceId + "-" + span + "-" + (sampled ? "01" : "00");
    }
}
