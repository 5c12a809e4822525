package dev.portablefn.runtime.internal.trace;

import dev.portablefn.api.TraceContext;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a {@link TraceContext} from the trace headers the providers send: W3C {@code traceparent}, AWS X-Ray
 * {@code X-Amzn-Trace-Id} / {@code _X_AMZN_TRACE_ID}, and Google's {@code X-Cloud-Trace-Context}. Defensive:
 * malformed input yields an empty result, never an exception. Writes the X-Ray form too ({@link #toXRay}), for the
 * messages a function sends where AWS expects it (SQS's {@code AWSTraceHeader}, EventBridge's {@code TraceHeader}).
 */
public final class TraceHeaders {

    private static final int MAX_HEADER_LENGTH = 512;
    /** {@code version-traceid-spanid-flags}: 2, 32, 16 and 2 hex digits and three dashes. */
    private static final int TRACEPARENT_LENGTH = 55;

    private TraceHeaders() {
    }

    /**
     * Parses a W3C {@code traceparent} header ({@code 00-<32 hex>-<16 hex>-<2 hex flags>}).
     *
     * @param header the header value, may be {@code null}
     * @return the trace context, or empty when the header is absent or malformed
     */
    public static Optional<TraceContext> fromTraceparent(String header) {
        if (!usable(header)) {
            return Optional.empty();
        }
        // Read by position, not split: this runs for every GCP and Azure invocation that logs with an MDC.
        String value = header.trim();
        if (value.length() < TRACEPARENT_LENGTH || value.charAt(2) != '-' || value.charAt(35) != '-'
                || value.charAt(52) != '-' || !isHex(value, 0, 2) || value.regionMatches(true, 0, "ff", 0, 2)) {
            return Optional.empty();
        }
        // Version 00 has exactly four fields; later versions may append more, which we ignore.
        boolean versionZero = value.startsWith("00");
        if (value.length() > TRACEPARENT_LENGTH && (versionZero || value.charAt(TRACEPARENT_LENGTH) != '-')) {
            return Optional.empty();
        }
        if (!isHex(value, 3, 35) || isZero(value, 3, 35) || !isHex(value, 36, 52) || isZero(value, 36, 52)
                || !isHex(value, 53, TRACEPARENT_LENGTH)) {
            return Optional.empty();
        }
        boolean sampled = (Character.digit(value.charAt(54), 16) & 1) == 1;
        return Optional.of(new TraceContext(value.substring(3, 35).toLowerCase(Locale.ROOT),
                value.substring(36, 52).toLowerCase(Locale.ROOT), sampled, value));
    }

    /**
     * Parses an AWS X-Ray header ({@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1}).
     * The X-Ray root's 8 hex digits of time and 24 of randomness form the 32-digit trace id.
     *
     * @param header the header or {@code _X_AMZN_TRACE_ID} value, may be {@code null}
     * @return the trace context, or empty when absent or malformed
     */
    public static Optional<TraceContext> fromXRay(String header) {
        if (!usable(header)) {
            return Optional.empty();
        }
        String root = null;
        String parent = null;
        boolean sampled = false;
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            switch (key) {
                case "Root" -> root = value;
                case "Parent" -> parent = value;
                case "Sampled" -> sampled = "1".equals(value);
                default -> { }
            }
        }
        if (root == null) {
            return Optional.empty();
        }
        String[] rootParts = root.split("-", -1);
        if (rootParts.length != 3 || !"1".equals(rootParts[0]) || rootParts[1].length() != 8
                || rootParts[2].length() != 24 || !isHex(rootParts[1]) || !isHex(rootParts[2])) {
            return Optional.empty();
        }
        String traceId = (rootParts[1] + rootParts[2]).toLowerCase(Locale.ROOT);
        String spanId = parent != null && parent.length() == 16 && isHex(parent) ? parent.toLowerCase(Locale.ROOT) : null;
        return Optional.of(new TraceContext(traceId, spanId, sampled, header.trim()));
    }

    /**
     * Writes a trace as an AWS X-Ray header, the inverse of {@link #fromXRay(String)}: the trace id's first 8 hex
     * digits become the root's time part and the other 24 its random part, so the id survives a round trip.
     *
     * @param trace the trace to write
     * @return {@code Root=1-<8 hex>-<24 hex>;Parent=<span id>;Sampled=<0|1>}, without {@code Parent} when the trace
     *         has no span id
     */
    public static String toXRay(TraceContext trace) {
        String traceId = trace.traceId();
        StringBuilder header = new StringBuilder(80).append("Root=1-").append(traceId, 0, 8).append('-')
                .append(traceId, 8, 32);
        if (trace.spanId() != null) {
            header.append(";Parent=").append(trace.spanId());
        }
        return header.append(";Sampled=").append(trace.sampled() ? '1' : '0').toString();
    }

    /**
     * Parses Google's {@code X-Cloud-Trace-Context} header ({@code TRACE_ID/SPAN_ID;o=1}), where the
     * span id is a decimal 64-bit number.
     *
     * @param header the header value, may be {@code null}
     * @return the trace context, or empty when absent or malformed
     */
    public static Optional<TraceContext> fromCloudTraceContext(String header) {
        if (!usable(header)) {
            return Optional.empty();
        }
        String value = header.trim();
        boolean sampled = false;
        int semicolon = value.indexOf(';');
        if (semicolon >= 0) {
            sampled = value.substring(semicolon + 1).trim().equals("o=1");
            value = value.substring(0, semicolon);
        }
        String traceId = value;
        String spanId = null;
        int slash = value.indexOf('/');
        if (slash >= 0) {
            traceId = value.substring(0, slash);
            String span = value.substring(slash + 1);
            if (!span.isEmpty() && span.length() <= 20 && span.chars().allMatch(Character::isDigit)) {
                try {
                    long parsed = Long.parseUnsignedLong(span);
                    spanId = parsed == 0 ? null : String.format("%016x", parsed);
                } catch (NumberFormatException tooBig) {
                    spanId = null;
                }
            }
        }
        traceId = traceId.toLowerCase(Locale.ROOT);
        if (traceId.length() != 32 || !isHex(traceId) || isZero(traceId)) {
            return Optional.empty();
        }
        return Optional.of(new TraceContext(traceId, spanId, sampled, header.trim()));
    }

    /**
     * Tries each known format in turn: {@code traceparent}, then X-Ray, then Cloud Trace.
     *
     * @param traceparent       a W3C header value or {@code null}
     * @param xRay              an X-Ray header value or {@code null}
     * @param cloudTraceContext a Cloud Trace header value or {@code null}
     * @return the first that parses, or empty
     */
    public static Optional<TraceContext> firstOf(String traceparent, String xRay, String cloudTraceContext) {
        Optional<TraceContext> found = fromTraceparent(traceparent);
        if (found.isEmpty()) {
            found = fromXRay(xRay);
        }
        if (found.isEmpty()) {
            found = fromCloudTraceContext(cloudTraceContext);
        }
        return found;
    }

    private static boolean usable(String header) {
        return header != null && !header.isBlank() && header.length() <= MAX_HEADER_LENGTH;
    }

    private static boolean isHex(String value) {
        return !value.isEmpty() && isHex(value, 0, value.length());
    }

    private static boolean isHex(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(String value) {
        return isZero(value, 0, value.length());
    }

    private static boolean isZero(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (value.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
