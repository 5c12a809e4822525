package dev.portablefn.gcp;

import dev.portablefn.api.http.HttpHeaders;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.runtime.internal.http.DeferredHttpRequest;
import java.util.List;
import java.util.Map;

/**
 * A Functions Framework request whose headers are copied the first time the function reads one other than
 * {@code Content-Type}: the framework builds a new case-insensitive map of lists on every {@code getHeaders()}
 * call, while it reads the content type straight from the server's fields.
 */
final class GcpHttpRequest extends DeferredHttpRequest {

    private final com.google.cloud.functions.HttpRequest request;

    /**
     * @param withContentType the request's parts with only its {@code Content-Type} header
     * @param request         the framework's request, asked for the other headers on first need
     */
    GcpHttpRequest(HttpRequest withContentType, com.google.cloud.functions.HttpRequest request) {
        super(withContentType);
        this.request = request;
    }

    @Override
    protected HttpHeaders readHeaders() {
        return copy(request.getHeaders());
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
