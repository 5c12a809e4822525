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
 * A request that answers from a request built of plain values, for adapters whose provider makes some part costly
 * to get: an adapter builds what is cheap with {@link HttpRequest#builder()} and overrides the methods of the part
 * it works out only when a function reads it (a header map the Functions Framework builds per call, the URL Azure's
 * worker parses per call). Whatever it overrides, {@link #toBuilder()} and {@link #toString()} read through the
 * overriding methods.
 */
public abstract class ForwardingHttpRequest implements HttpRequest {

    private final HttpRequest known;

    /**
     * Wraps the parts the adapter worked out at once.
     *
     * @param known a request holding every part the subclass does not override; {@link #bodyAs(Type)} and
     *              {@link #bodyAsString()} read its {@code Content-Type}, so it must hold that header when the
     *              request has one
     */
    protected ForwardingHttpRequest(HttpRequest known) {
        this.known = Objects.requireNonNull(known, "known");
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
    public HttpHeaders headers() {
        return known.headers();
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
     * Starts a changed copy holding every part as this request answers it, so a deferred part is worked out now.
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
