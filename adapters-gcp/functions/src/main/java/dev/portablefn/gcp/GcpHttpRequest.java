package dev.portablefn.gcp;

import dev.portablefn.api.Limits;
import dev.portablefn.api.http.HttpHeaders;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.runtime.internal.http.DeferredHttpRequest;
import dev.portablefn.runtime.internal.http.RequestLimits;
import java.util.List;
import java.util.Map;

/**
 * A Functions Framework request whose headers are copied the first time the function reads one other than
 * {@code Content-Type}: the framework builds a new case-insensitive map of lists on every {@code getHeaders()}
 * call, while it reads the content type straight from the server's fields.
 */
final class GcpHttpRequest extends DeferredHttpRequest {

    private final com.google.cloud.functions.HttpRequest request;
    private final Limits limits;

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

    /** @throws dev.portablefn.api.InvalidInputException (431) when the request has more headers than the limit */
    @Override
    protected HttpHeaders readHeaders() {
        return RequestLimits.headers(copy(request.getHeaders()), limits);
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
