package dev.portablefn.api.http;

import dev.portablefn.api.json.JsonCodec;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;

/**
 * A request with the path parameters of the route that matched it, answering everything else from the request it
 * was routed from. Routing thus copies nothing, and what an adapter reads from its provider only when asked (the
 * Functions Framework's headers, Azure's request line) stays unread unless the handler asks.
 */
final class RoutedHttpRequest implements HttpRequest {

    private final HttpRequest routed;
    private final Map<String, String> pathParameters;

    RoutedHttpRequest(HttpRequest routed, Map<String, String> pathParameters) {
        this.routed = routed;
        this.pathParameters = Map.copyOf(pathParameters);
    }

    @Override
    public String method() {
        return routed.method();
    }

    @Override
    public String path() {
        return routed.path();
    }

    @Override
    public String rawPath() {
        return routed.rawPath();
    }

    @Override
    public QueryParameters query() {
        return routed.query();
    }

    @Override
    public Optional<String> queryParameter(String name) {
        return routed.queryParameter(name);
    }

    @Override
    public HttpHeaders headers() {
        return routed.headers();
    }

    @Override
    public Optional<String> header(String name) {
        return routed.header(name);
    }

    @Override
    public Optional<String> contentType() {
        return routed.contentType();
    }

    @Override
    public Map<String, String> pathParameters() {
        return pathParameters;
    }

    @Override
    public Optional<String> remoteAddress() {
        return routed.remoteAddress();
    }

    @Override
    public byte[] body() {
        return routed.body();
    }

    @Override
    public int bodyLength() {
        return routed.bodyLength();
    }

    @Override
    public String bodyAsString() {
        return routed.bodyAsString();
    }

    @Override
    public <T> T bodyAs(Type type) {
        return routed.bodyAs(type);
    }

    @Override
    public JsonCodec codec() {
        return routed.codec();
    }

    @Override
    public <U> U unwrap(Class<U> type) {
        return routed.unwrap(type);
    }

    @Override
    public Builder toBuilder() {
        return routed.toBuilder().pathParameters(pathParameters);
    }

    @Override
    public HttpRequest withPathParameters(Map<String, String> parameters) {
        return new RoutedHttpRequest(routed, parameters);
    }

    @Override
    public String toString() {
        return routed.toString();
    }
}
