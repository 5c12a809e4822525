package dev.portablefn.gcp;

import dev.portablefn.api.Limits;
import dev.portablefn.api.http.HttpHeaders;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.runtime.internal.http.DeferredHttpRequest;
import dev.portablefn.runtime.internal.http.RequestLimits;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A Functions Framework request that asks the framework for its headers the first time the function reads one
 * other than {@code Content-Type}, and keeps the framework's map: the framework builds a new case-insensitive map
 * of lists on every {@code getHeaders()} call, while it reads the content type straight from the server's fields.
 * Single headers (the request id and trace the context reads) are answered from that map; the portable
 * {@link HttpHeaders} copy is made only when the function asks for every header.
 */
final class GcpHttpRequest extends DeferredHttpRequest {

    private static final String CONTENT_TYPE = "content-type";

    private final com.google.cloud.functions.HttpRequest request;
    private final Limits limits;
    /**
     * The framework's header map, {@code null} until first needed. Filled without locking: racing threads each get
     * an equal map of their own from the framework, and only read it.
     */
    private Map<String, List<String>> framework;

    /**
     * @param withContentType the request's parts with only its {@code Content-Type} header
     * @param request         the framework's request, asked for the other headers on first need
     * @param limits          the function's limits, whose header count is checked when the headers are read
     */
    GcpHttpRequest(HttpRequest withContentType, com.google.cloud.functions.HttpRequest request, Limits limits) {
        super(withContentType);
        this.request = request;
        this.limits = limits;
    }

    @Override
    public Optional<String> header(String name) {
        if (name.equalsIgnoreCase(CONTENT_TYPE)) {
            return super.header(name);
        }
        List<String> values = valuesOf(frameworkHeaders(), name);
        if (values != null) {
            for (String value : values) {
                if (value != null) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    protected HttpHeaders readHeaders() {
        return copy(frameworkHeaders());
    }

    /**
     * @throws dev.portablefn.api.InvalidInputException (431) when the request has more header values than the limit,
     *                                                   on every read: the map is kept only once it passed
     */
    private Map<String, List<String>> frameworkHeaders() {
        Map<String, List<String>> headers = framework;
        if (headers == null) {
            headers = request.getHeaders();
            RequestLimits.headerValues(headerValues(headers), limits);
            framework = headers;
        }
        return headers;
    }

    private static int headerValues(Map<String, List<String>> headers) {
        int count = 0;
        for (List<String> values : headers.values()) {
            count += values == null ? 0 : values.size();
        }
        return count;
    }

    /** The framework's map is case-insensitive; a map that is not (a test double's, say) is searched. */
    private static List<String> valuesOf(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        if (values != null || headers instanceof SortedMap<String, List<String>> sorted
                && sorted.comparator() == String.CASE_INSENSITIVE_ORDER) {
            return values;
        }
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (name.equalsIgnoreCase(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** Copies the framework's headers; {@code null} names (the status line, in some servlet containers) and values are skipped. */
    static HttpHeaders copy(Map<String, List<String>> framework) {
        HttpHeaders.Builder headers = HttpHeaders.builder();
        framework.forEach((name, values) -> {
            if (name != null && values != null) {
                for (String value : values) {
                    if (value != null) {
                        headers.add(name, value);
                    }
                }
            }
        });
        return headers.build();
    }
}
