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
import java.util.function.Consumer;

/**
 * A portable HTTP request, decoded from whichever HTTP trigger the provider used. Immutable.
 *
 * <p>{@link #path()} is the URL-decoded path the function was invoked with (without any API
 * Gateway stage prefix); {@link #rawPath()} is the path as the client sent it.
 */
public final class HttpRequest {

    private static final byte[] NO_BODY = new byte[0];

    /**
     * Method, path, raw path and query; {@code null} until worked out from {@link #requestLineSource} when the
     * adapter deferred them. Filled at most once per thread without locking: the source gives equal parts every
     * time, and {@link RequestLine}'s fields are final.
     */
    private RequestLine requestLine;
    private final Consumer<Builder> requestLineSource;
    private final HttpHeaders headers;
    private final byte[] body;
    private final Map<String, String> pathParameters;
    private final String remoteAddress;
    private final Object nativeRequest;
    private final JsonCodec codec;
    private Map<String, String> cookies;

    private HttpRequest(Builder builder) {
        this.requestLineSource = builder.requestLineSource;
        this.requestLine = requestLineSource == null ? RequestLine.of(builder) : null;
        this.headers = builder.headers != null ? builder.headers.build()
                : builder.builtHeaders != null ? builder.builtHeaders : HttpHeaders.empty();
        this.body = builder.body == null ? NO_BODY : builder.body;
        this.pathParameters = builder.pathParameters == null ? Map.of() : Map.copyOf(builder.pathParameters);
        this.remoteAddress = builder.remoteAddress;
        this.nativeRequest = builder.nativeRequest;
        this.codec = builder.codec;
    }

    /** @return a builder for a request; method defaults to {@code GET} and path to {@code /} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param method the HTTP method
     * @param path   the decoded path
     * @return a builder with the method and path set
     */
    public static Builder builder(String method, String path) {
        return new Builder().method(method).path(path);
    }

    /** @return the upper-case method, such as {@code GET} */
    public String method() {
        return requestLine().method();
    }

    /** @return the URL-decoded path, starting with {@code /} */
    public String path() {
        return requestLine().path();
    }

    /** @return the path as the client sent it, possibly percent-encoded */
    public String rawPath() {
        return requestLine().rawPath();
    }

    /** @return the query parameters, URL-decoded, multi-valued */
    public QueryParameters query() {
        return requestLine().query();
    }

    private RequestLine requestLine() {
        RequestLine known = requestLine;
        if (known == null) {
            Builder parts = new Builder();
            requestLineSource.accept(parts);
            known = RequestLine.of(parts);
            requestLine = known;
        }
        return known;
    }

    /** What the client asked for: the method and the target (path and query). */
    private record RequestLine(String method, String path, String rawPath, QueryParameters query) {
        static RequestLine of(Builder builder) {
            String method = Objects.requireNonNull(builder.method, "a request needs a method").toUpperCase(Locale.ROOT);
            String givenPath = builder.path == null || builder.path.isEmpty() ? "/" : builder.path;
            String path = givenPath.startsWith("/") ? givenPath : "/" + givenPath;
            return new RequestLine(method, path, builder.rawPath == null ? path : builder.rawPath,
                    builder.query == null ? QueryParameters.empty() : builder.query.build());
        }
    }

    /**
     * @param name a query parameter
     * @return its first value
     */
    public Optional<String> queryParameter(String name) {
        return query().first(name);
    }

    /** @return the headers, case-insensitive, multi-valued */
    public HttpHeaders headers() {
        return headers;
    }

    /**
     * @param name a header name, any case
     * @return its first value
     */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /** @return the {@code Content-Type} header, when sent */
    public Optional<String> contentType() {
        return headers.first("content-type");
    }

    /** @return the cookies the client sent, by name (the first wins when a name repeats); unmodifiable */
    public Map<String, String> cookies() {
        Map<String, String> parsed = cookies;
        if (parsed == null) {
            parsed = parseCookies(headers.all("cookie"));
            cookies = parsed;
        }
        return parsed;
    }

    /**
     * @param name a cookie name
     * @return its value, if the client sent it
     */
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies().get(name));
    }

    /** @return path parameters filled by {@link HttpRouter} or the provider's route, unmodifiable */
    public Map<String, String> pathParameters() {
        return pathParameters;
    }

    /**
     * @param name a template variable such as {@code id} in {@code /courses/{id}}
     * @return its value
     */
    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(pathParameters.get(name));
    }

    /** @return the client's address as the provider reports it, when it does */
    public Optional<String> remoteAddress() {
        return Optional.ofNullable(remoteAddress);
    }

    /** @return a copy of the body bytes; empty when there is no body */
    public byte[] body() {
        return body.clone();
    }

    /** @return the body length in bytes */
    public int bodyLength() {
        return body.length;
    }

    /** @return the body decoded with the charset named in {@code Content-Type}, UTF-8 by default */
    public String bodyAsString() {
        return new String(body, charset());
    }

    /**
     * Binds the JSON body to a type and validates it when the type carries constraints.
     *
     * @param type the type to bind to
     * @param <T>  the result type
     * @return the bound body
     * @throws InvalidInputException (reported as 400, or 415 for a non-JSON content type) when the body is
     *                               missing, not JSON, does not fit the type or breaks a constraint
     */
    public <T> T bodyAs(Class<T> type) {
        return bindBody(type);
    }

    /**
     * Binds the JSON body to a generic type such as {@code List<Course>}, given as a {@link Type} (for example the
     * generic type of a field or method parameter, or {@code new TypeReference<List<Course>>() {}.getType()} where
     * Jackson is at hand).
     *
     * @param type the type to bind to
     * @param <T>  the result type, which the caller vouches for
     * @return the bound body
     * @throws InvalidInputException see {@link #bodyAs(Class)}
     */
    public <T> T bodyAs(Type type) {
        return bindBody(Objects.requireNonNull(type, "type"));
    }

    private <T> T bindBody(Type type) {
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

    /**
     * Gives the codec {@link #bodyAs(Class)} binds and validates the body with.
     *
     * @return the codec the adapter set, or the runtime's standard one
     */
    public JsonCodec codec() {
        JsonCodec known = codec;
        return known != null ? known : JsonCodec.standard();
    }

    /**
     * Gives the provider's own request object.
     *
     * @param type the expected native type
     * @param <U>  the native type
     * @return the native request
     * @throws IllegalArgumentException if there is none of that type
     */
    public <U> U unwrap(Class<U> type) {
        if (type.isInstance(nativeRequest)) {
            return type.cast(nativeRequest);
        }
        throw new IllegalArgumentException("this request does not wrap a " + type.getName() + "; it wraps "
                + (nativeRequest == null ? "nothing" : nativeRequest.getClass().getName()));
    }

    /**
     * @param parameters the path parameters of the copy
     * @return a copy with those path parameters
     */
    public HttpRequest withPathParameters(Map<String, String> parameters) {
        return toBuilder().pathParameters(parameters).build();
    }

    /** @return a builder holding this request's parts */
    public Builder toBuilder() {
        Builder builder = new Builder();
        RequestLine parts = requestLine();
        builder.method = parts.method();
        builder.path = parts.path();
        builder.rawPath = parts.rawPath();
        builder.query = parts.query().toBuilder();
        builder.builtHeaders = headers;
        builder.body = body;
        builder.pathParameters = pathParameters.isEmpty() ? null : new LinkedHashMap<>(pathParameters);
        builder.remoteAddress = remoteAddress;
        builder.nativeRequest = nativeRequest;
        builder.codec = codec;
        return builder;
    }

    private static Map<String, String> parseCookies(List<String> headerValues) {
        if (headerValues.isEmpty()) {
            return Map.of();
        }
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String header : headerValues) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!name.isEmpty()) {
                    parsed.putIfAbsent(name, value);
                }
            }
        }
        return java.util.Collections.unmodifiableMap(parsed);
    }

    @Override
    public String toString() {
        RequestLine parts = requestLine();
        return parts.method() + " " + parts.rawPath() + (parts.query().isEmpty() ? "" : "?" + parts.query());
    }

    /** Builds an {@link HttpRequest}. */
    public static final class Builder {
        private String method = "GET";
        private String path = "/";
        private String rawPath;
        private QueryParameters.Builder query;   // created with the first parameter: most requests have none
        private Consumer<Builder> requestLineSource;
        /** Headers handed over whole by {@link #headers(HttpHeaders)}, kept as they are until a single header is added. */
        private HttpHeaders builtHeaders;
        private HttpHeaders.Builder headers;   // created when a single header is added
        private byte[] body;
        private Map<String, String> pathParameters;   // created when the first parameter arrives
        private String remoteAddress;
        private Object nativeRequest;
        private JsonCodec codec;   // null: the runtime's standard codec, found when a body is first bound

        private Builder() {
        }

        /**
         * @param method the HTTP method
         * @return this builder
         */
        public Builder method(String method) {
            this.method = method;
            return this;
        }

        /**
         * @param path the URL-decoded path
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * @param rawPath the path as sent, when it differs from the decoded one
         * @return this builder
         */
        public Builder rawPath(String rawPath) {
            this.rawPath = rawPath;
            return this;
        }

        /**
         * Defers the request line (method, path, raw path and query) to the first time one of them is read: adapters
         * whose provider works them out anew on every call hand them over this way (Azure's worker builds a
         * {@code URI} per {@code getUri()} call and looks the method up per {@code getHttpMethod()} call), so a
         * function that neither routes nor reads them does not pay for it. While a source is set, the method, path,
         * raw path and query parameters set on this builder are not used.
         *
         * @param source sets them on the builder it is given (the method defaults to {@code GET}); runs at most once
         *               per thread on first use, and must set the same parts every time. What it throws reaches the
         *               caller of {@code method()}, {@code path()}, {@code rawPath()} or {@code query()}
         * @return this builder
         */
        public Builder requestLineFrom(Consumer<Builder> source) {
            this.requestLineSource = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * @param name a decoded parameter name
         * @param value a decoded value to append
         * @return this builder
         */
        public Builder queryParameter(String name, String value) {
            if (query == null) {
                query = QueryParameters.builder();
            }
            query.add(name, value);
            return this;
        }

        /**
         * @param name a header name
         * @param value a value to append
         * @return this builder
         */
        public Builder header(String name, String value) {
            headerBuilder().add(name, value);
            return this;
        }

        private HttpHeaders.Builder headerBuilder() {
            if (headers == null) {
                headers = builtHeaders == null ? HttpHeaders.builder() : builtHeaders.toBuilder();
                builtHeaders = null;
            }
            return headers;
        }

        /**
         * Appends headers; the first set handed to a builder without headers is kept as it is, not copied (so a
         * {@link HttpHeaders#view view} of the provider's map stays a view).
         *
         * @param all headers to append
         * @return this builder
         */
        public Builder headers(HttpHeaders all) {
            Objects.requireNonNull(all, "headers");
            if (headers == null && builtHeaders == null) {
                builtHeaders = all;
                return this;
            }
            HttpHeaders.Builder target = headerBuilder();
            all.asMap().forEach((name, values) -> values.forEach(value -> target.add(name, value)));
            return this;
        }

        /**
         * @param bytes the body, not copied: do not change it afterwards
         * @return this builder
         */
        public Builder body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        /**
         * @param text the body as UTF-8 text
         * @return this builder
         */
        public Builder body(String text) {
            this.body = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /**
         * @param parameters path parameters to set
         * @return this builder
         */
        public Builder pathParameters(Map<String, String> parameters) {
            if (parameters.isEmpty()) {
                pathParameters = null;
            } else {
                pathParameters = new LinkedHashMap<>(parameters);
            }
            return this;
        }

        /**
         * @param address the client's address
         * @return this builder
         */
        public Builder remoteAddress(String address) {
            this.remoteAddress = address;
            return this;
        }

        /**
         * @param request the provider's request object
         * @return this builder
         */
        public Builder nativeRequest(Object request) {
            this.nativeRequest = request;
            return this;
        }

        /**
         * Sets the codec {@link HttpRequest#bodyAs} binds and validates with; the runtime's standard one by default.
         *
         * @param jsonCodec the codec
         * @return this builder
         */
        public Builder codec(JsonCodec jsonCodec) {
            this.codec = Objects.requireNonNull(jsonCodec, "codec");
            return this;
        }

        /** @return the request */
        public HttpRequest build() {
            return new HttpRequest(this);
        }
    }
}
