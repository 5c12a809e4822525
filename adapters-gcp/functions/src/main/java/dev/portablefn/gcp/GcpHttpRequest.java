package dev.portablefn.gcp;

import dev.portablefn.api.http.HttpHeaders;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.runtime.internal.http.ForwardingHttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Functions Framework request whose headers are copied the first time the function reads a header other than
 * {@code Content-Type}: the framework builds a new case-insensitive map of lists on every {@code getHeaders()}
 * call, while it reads the content type straight from the server's fields, and a function that only binds its JSON
 * body (which checks nothing but the content type) should not pay for the map.
 */
final class GcpHttpRequest extends ForwardingHttpRequest {

    private static final String CONTENT_TYPE = "content-type";

    private final com.google.cloud.functions.HttpRequest request;
    /**
     * Every header, {@code null} until first needed. Filled without locking: racing threads each copy equal headers
     * from the same request, and {@link HttpHeaders} publishes safely through its final fields.
     */
    private HttpHeaders headers;

    /**
     * @param withContentType the request's parts with only its {@code Content-Type} header, which is all that
     *                        {@code bodyAs} and {@code bodyAsString} read
     * @param request         the framework's request, asked for the other headers on first need
     */
    GcpHttpRequest(HttpRequest withContentType, com.google.cloud.functions.HttpRequest request) {
        super(withContentType);
        this.request = request;
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders known = headers;
        if (known == null) {
            known = copy(request.getHeaders());
            headers = known;
        }
        return known;
    }

    @Override
    public Optional<String> header(String name) {
        return name.equalsIgnoreCase(CONTENT_TYPE) ? contentType() : headers().first(name);
    }

    @Override
    public Optional<String> contentType() {
        return super.headers().first(CONTENT_TYPE);
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
