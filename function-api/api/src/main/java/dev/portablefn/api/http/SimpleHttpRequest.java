package dev.portablefn.api.http;

import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.json.JsonCodec;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The request {@link HttpRequest.Builder} builds: plain values, all worked out when it is built. */
final class SimpleHttpRequest implements HttpRequest {

    private static final byte[] NO_BODY = new byte[0];

    private final String method;
    private final String path;
    private final String rawPath;
    private final QueryParameters query;
    private final HttpHeaders headers;
    private final byte[] body;
    private final Map<String, String> pathParameters;
    private final String remoteAddress;
    private final Object nativeRequest;
    private final JsonCodec codec;

    SimpleHttpRequest(HttpRequest.Builder builder) {
        this.method = Objects.requireNonNull(builder.method, "a request needs a method").toUpperCase(Locale.ROOT);
        String givenPath = builder.path == null || builder.path.isEmpty() ? "/" : builder.path;
        this.path = givenPath.startsWith("/") ? givenPath : "/" + givenPath;
        this.rawPath = builder.rawPath == null ? path : builder.rawPath;
        this.query = builder.query == null ? QueryParameters.empty() : builder.query.build();
        this.headers = builder.headers != null ? builder.headers.build()
                : builder.builtHeaders != null ? builder.builtHeaders : HttpHeaders.empty();
        this.body = builder.body == null ? NO_BODY : builder.body;
        this.pathParameters = builder.pathParameters == null ? Map.of() : Map.copyOf(builder.pathParameters);
        this.remoteAddress = builder.remoteAddress;
        this.nativeRequest = builder.nativeRequest;
        this.codec = builder.codec;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String rawPath() {
        return rawPath;
    }

    @Override
    public QueryParameters query() {
        return query;
    }

    @Override
    public HttpHeaders headers() {
        return headers;
    }

    @Override
    public Map<String, String> pathParameters() {
        return pathParameters;
    }

    @Override
    public Optional<String> remoteAddress() {
        return Optional.ofNullable(remoteAddress);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public int bodyLength() {
        return body.length;
    }

    @Override
    public String bodyAsString() {
        return new String(body, charset());
    }

    @Override
    public <T> T bodyAs(Type type) {
        Objects.requireNonNull(type, "type");
        Optional<String> contentType = contentType();
        if (contentType.isPresent() && !isJson(contentType.get())) {
            throw new InvalidInputException(415, "request body has Content-Type '" + contentType.get()
                    + "'; send application/json", List.of(), null);
        }
        return codec().bind(body, type, "request body");
    }

    private static boolean isJson(String contentType) {
        if (contentType.equals("application/json")) {
            return true;   // what nearly every JSON client sends: no lower-casing or trimming needed
        }
        String mediaType = contentType.toLowerCase(Locale.ROOT);
        int semicolon = mediaType.indexOf(';');
        if (semicolon >= 0) {
            mediaType = mediaType.substring(0, semicolon);
        }
        mediaType = mediaType.trim();
        return mediaType.equals("application/json") || mediaType.endsWith("+json") || mediaType.isEmpty();
    }

    private Charset charset() {
        String contentType = contentType().orElse("");
        int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at >= 0) {
            String name = contentType.substring(at + 8).split(";", 2)[0].trim().replace("\"", "");
            try {
                return Charset.forName(name);
            } catch (RuntimeException unknown) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    @Override
    public JsonCodec codec() {
        JsonCodec known = codec;
        return known != null ? known : JsonCodec.standard();
    }

    @Override
    public <U> U unwrap(Class<U> type) {
        if (type.isInstance(nativeRequest)) {
            return type.cast(nativeRequest);
        }
        throw new IllegalArgumentException("this request does not wrap a " + type.getName() + "; it wraps "
                + (nativeRequest == null ? "nothing" : nativeRequest.getClass().getName()));
    }

    @Override
    public HttpRequest.Builder toBuilder() {
        HttpRequest.Builder builder = new HttpRequest.Builder();
        builder.method = method;
        builder.path = path;
        builder.rawPath = rawPath;
        builder.query = query.isEmpty() ? null : query.toBuilder();
        builder.builtHeaders = headers;
        builder.body = body;   // shared: neither side ever changes it
        builder.pathParameters = pathParameters.isEmpty() ? null : new LinkedHashMap<>(pathParameters);
        builder.remoteAddress = remoteAddress;
        builder.nativeRequest = nativeRequest;
        builder.codec = codec;
        return builder;
    }

    /** Describes the request line for logs: method, raw path and query parameters; headers and body are left out. */
    @Override
    public String toString() {
        return method + " " + rawPath + (query.isEmpty() ? "" : "?" + query);
    }
}
