package dev.portablefn.runtime.internal.http;

import dev.portablefn.api.http.HttpHeaders;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.QueryParameters;
import dev.portablefn.api.json.JsonCodec;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request whose headers are read from the provider the first time a function reads one other than
 * {@code Content-Type}, for adapters whose provider hands headers over as a map the adapter would copy on every
 * request (the Functions Framework even builds a new one per {@code getHeaders()} call): a function that only binds
 * its JSON body, which checks nothing but the content type, never pays for the copy. Everything else is answered
 * by a request of plain values the adapter built at once; a subclass may defer more by overriding (Azure defers the
 * request line its worker parses per call). {@link #toBuilder()} and {@link #toString()} read through the
 * overriding methods.
 */
public abstract class DeferredHttpRequest implements HttpRequest {

    private static final String CONTENT_TYPE = "content-type";

    private final HttpRequest known;
    /**
     * Every header, {@code null} until first needed. Filled without locking: racing threads each read equal headers
     * from the same provider request, and {@link HttpHeaders} publishes safely through its final fields.
     */
    private HttpHeaders headers;

    /**
     * Wraps the parts the adapter worked out at once.
     *
     * @param known a request holding every part this class and the subclass do not defer, with the request's
     *              {@code Content-Type} as its only header (what {@link #bodyAs(Type)} and {@link #bodyAsString()}
     *              read), or no header when the request has none
     */
    protected DeferredHttpRequest(HttpRequest known) {
        this.known = Objects.requireNonNull(known, "known");
    }

    /**
     * Reads every header from the provider's request; called once, on the first read of a header other than
     * {@code Content-Type} (two racing threads may both call it).
     *
     * @return all headers, agreeing with the {@code Content-Type} the request was made with
     */
    protected abstract HttpHeaders readHeaders();

    @Override
    public HttpHeaders headers() {
        HttpHeaders all = headers;
        if (all == null) {
            all = Objects.requireNonNull(readHeaders(), "readHeaders() gave no headers");
            headers = all;
        }
        return all;
    }

    @Override
    public Optional<String> header(String name) {
        return name.equalsIgnoreCase(CONTENT_TYPE) ? known.contentType() : headers().first(name);
    }

    @Override
    public Optional<String> contentType() {
        return known.contentType();
    }

    @Override
    public String method() {
        return known.method();
    }

    @Override
    public String path() {
        return known.path();
    }

    @Override
    public String rawPath() {
        return known.rawPath();
    }

    @Override
    public QueryParameters query() {
        return known.query();
    }

    @Override
    public Map<String, String> pathParameters() {
        return known.pathParameters();
    }

    @Override
    public Optional<String> remoteAddress() {
        return known.remoteAddress();
    }

    @Override
    public byte[] body() {
        return known.body();
    }

    @Override
    public int bodyLength() {
        return known.bodyLength();
    }

    @Override
    public String bodyAsString() {
        return known.bodyAsString();
    }

    @Override
    public <T> T bodyAs(Type type) {
        return known.bodyAs(type);
    }

    @Override
    public JsonCodec codec() {
        return known.codec();
    }

    @Override
    public <U> U unwrap(Class<U> type) {
        return known.unwrap(type);
    }

    /**
     * Starts a changed copy holding every part as this request answers it, so what is deferred is read now.
     *
     * @return a builder of plain values; the body is shared rather than copied
     */
    @Override
    public HttpRequest.Builder toBuilder() {
        return known.toBuilder().method(method()).path(path()).rawPath(rawPath()).query(query()).headers(headers())
                .pathParameters(pathParameters());
    }

    /**
     * Describes the request line for logs, as a request built of plain values does.
     *
     * @return the method, raw path and query parameters; headers and body are left out
     */
    @Override
    public String toString() {
        QueryParameters query = query();
        return method() + " " + rawPath() + (query.isEmpty() ? "" : "?" + query);
    }
}
