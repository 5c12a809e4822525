package dev.portablefn.bench.baseline;

import com.google.cloud.functions.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * The logging context a hand-written handler that correlates its logs puts into the MDC around its work: the
 * request id, the trace id, the function name and the provider (and the event id of each message), removed
 * afterwards. The current benchmark's baselines do this only in {@code run.sh}'s second run of the HTTP paths, where
 * the logging provider keeps an MDC (as logback does) and the library fills one with the same keys
 * ({@code -Dportablefn.bench.baselineMdc=true}); in the main run they log nothing, as the library then does not fill
 * an MDC either. The realistic benchmark's baselines always do it: that benchmark runs on logback. The trace
 * helpers here also give the publishing baseline the {@code traceparent} its message carries.
 */
public final class BaselineMdc {

    /** Whether the baselines fill the MDC in this run. */
    public static final boolean ON = Boolean.getBoolean("portablefn.bench.baselineMdc");

    private BaselineMdc() {
    }

    /**
     * @param requestId    the provider's request id
     * @param traceId      the trace id, or {@code null}
     * @param functionName the function's name
     * @param provider     the cloud
     */
    public static void put(String requestId, String traceId, String functionName, String provider) {
        put(requestId, traceId, null, false, functionName, provider);
    }

    /**
     * Puts the library's keys for a trace with its span and sampling flag, as the library does since it fills
     * {@code spanId} and {@code traceSampled} (issue 20, for the providers' JSON log fields).
     *
     * @param requestId    the provider's request id
     * @param traceId      the trace id, or {@code null}
     * @param spanId       the caller's span id, or {@code null}
     * @param sampled      whether the caller sampled the trace
     * @param functionName the function's name
     * @param provider     the cloud
     */
    public static void put(String requestId, String traceId, String spanId, boolean sampled, String functionName,
                           String provider) {
        MDC.put("requestId", requestId);
        if (traceId != null) {
            MDC.put("traceId", traceId);
            if (spanId != null) {
                MDC.put("spanId", spanId);
            }
            if (sampled) {
                MDC.put("traceSampled", "true");
            }
        }
        MDC.put("functionName", functionName);
        MDC.put("provider", provider);
    }

    /**
     * Puts the library's keys with the trace of a W3C {@code traceparent}.
     *
     * @param traceparent the header, or {@code null}
     */
    public static void putTraceparent(String requestId, String traceparent, String functionName, String provider) {
        String traceId = traceIdOfTraceparent(traceparent);
        put(requestId, traceId, traceId == null ? null : traceparent.substring(36, 52),
                traceId != null && traceparent.endsWith("1"), functionName, provider);
    }

    /**
     * Puts the library's keys with the trace of an X-Ray header.
     *
     * @param header the header, or {@code null}
     */
    public static void putXRay(String requestId, String header, String functionName, String provider) {
        String traceId = traceIdOfXRay(header);
        String spanId = null;
        boolean sampled = false;
        if (traceId != null) {
            int parent = header.indexOf("Parent=");
            spanId = parent < 0 || header.length() < parent + 23 ? null : header.substring(parent + 7, parent + 23);
            sampled = header.contains("Sampled=1");
        }
        put(requestId, traceId, spanId, sampled, functionName, provider);
    }

    /** Removes what {@link #put} put. */
    public static void clear() {
        MDC.remove("requestId");
        MDC.remove("traceId");
        MDC.remove("spanId");
        MDC.remove("traceSampled");
        MDC.remove("functionName");
        MDC.remove("provider");
    }

    /** @param eventId the id of the message now handled, under the key the library uses */
    public static void putEventId(String eventId) {
        MDC.put("eventId", eventId);
    }

    /** Removes what {@link #putEventId} put. */
    public static void removeEventId() {
        MDC.remove("eventId");
    }

    /** @param traceparent a W3C {@code traceparent} header, or {@code null} @return its trace id, or {@code null} */
    public static String traceIdOfTraceparent(String traceparent) {
        return traceparent != null && traceparent.length() >= 55 ? traceparent.substring(3, 35) : null;
    }

    /** @param header an X-Ray header, {@code Root=1-xxxxxxxx-yyyyyyyyyyyyyyyyyyyyyyyy;...} @return its trace id, or {@code null} */
    public static String traceIdOfXRay(String header) {
        int at = header == null ? -1 : header.indexOf("Root=1-");
        return at < 0 || header.length() < at + 40 ? null : header.substring(at + 7, at + 15) + header.substring(at + 16, at + 40);
    }

    /**
     * @param header an X-Ray header, {@code Root=1-xxxxxxxx-yyyyyyyyyyyyyyyyyyyyyyyy;Parent=...;Sampled=...}, or
     *               {@code null}
     * @return the same trace as the W3C {@code traceparent} the library sends along with a message (span
     *         {@code 0000000000000001} without a parent), or {@code null} without a usable root
     */
    public static String traceparentOfXRay(String header) {
        String traceId = traceIdOfXRay(header);
        if (traceId == null) {
            return null;
        }
        String parent = "0000000000000001";
        String flags = "00";
        for (String part : header.split(";")) {
            if (part.startsWith("Parent=") && part.length() == 23) {
                parent = part.substring(7);
            } else if (part.equals("Sampled=1")) {
                flags = "01";
            }
        }
        return "00-" + traceId + "-" + parent + "-" + flags;
    }

    /**
     * Puts what the library puts for a Functions Framework HTTP call: the execution id (or a generated one, as
     * Cloud Run sends none) and the {@code traceparent}'s trace id, read from the invoker's header map, which is
     * asked for once since the invoker builds it anew on every call.
     *
     * @param request      the invoker's request
     * @param functionName the function's name
     */
    public static void putGcp(HttpRequest request, String functionName) {
        Map<String, List<String>> headers = request.getHeaders();
        String executionId = first(headers, "function-execution-id");
        putTraceparent(executionId != null ? executionId : Long.toHexString(ThreadLocalRandom.current().nextLong()),
                first(headers, "traceparent"), functionName, "GCP");
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
