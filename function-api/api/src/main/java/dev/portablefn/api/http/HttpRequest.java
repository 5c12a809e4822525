package dev.portablefn.api.http;

import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.json.JsonCodec;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A portable HTTP request, decoded from whichever HTTP trigger the provider used. Immutable: nothing a function
 * does to it changes what another reader sees; {@link #toBuilder()} makes a changed copy.
 *
 * <p>{@link #path()} is the URL-decoded path the function was invoked with (without any API Gateway stage prefix);
 * {@link #rawPath()} is the path as the client sent it. {@link #builder()} makes a request from plain values, for
 * tests and local tools; each adapter hands its functions a request that reads the provider's own.
 */
public interface HttpRequest {

    /**
     * Starts a request; the method defaults to {@code GET} and the path to {@code /}.
     *
     * @return a builder for a request
     */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a request with its method and path.
     *
     * @param method the HTTP method
     * @param path   the decoded path
     * @return a builder with the method and path set
     */
    static Builder builder(String method, String path) {
        return new Builder().method(method).path(path);
    }

    /**
     * Gives the method the client used.
     *
     * @return the upper-case method, such as {@code GET}
     * @throws dev.portablefn.api.EventDecodingException if the provider sent no usable method
     */
    String method();

    /**
     * Gives the path the function was invoked with, without any API Gateway stage prefix.
     *
     * @return the URL-decoded path, starting with {@code /}
     * @throws dev.portablefn.api.EventDecodingException if the provider sent no usable URL
     */
    String path();

    /**
     * Gives the path as the client sent it.
     *
     * @return the path, possibly percent-encoded
     * @throws dev.portablefn.api.EventDecodingException if the provider sent no usable URL
     */
    String rawPath();

    /**
     * Gives the query string's parameters.
     *
     * @return the parameters, URL-decoded, multi-valued
     * @throws dev.portablefn.api.EventDecodingException if the provider sent no usable URL
     */
    QueryParameters query();

    /**
     * Gives the first value of one query parameter.
     *
     * @param name a decoded parameter name, matched exactly
     * @return its first value, or empty when it was not sent
     */
    default Optional<String> queryParameter(String name) {
        return query().first(name);
    }

    /**
     * Gives the request's headers.
     *
     * @return the headers, case-insensitive, multi-valued
     */
    HttpHeaders headers();

    /**
     * Gives the first value of one header.
     *
     * @param name a header name, any case
     * @return its first value, or empty when it was not sent
     */
    default Optional<String> header(String name) {
        return headers().first(name);
    }

    /**
     * Gives the media type of the body.
     *
     * @return the first {@code Content-Type} header, or empty when none was sent
     */
    default Optional<String> contentType() {
        return header("content-type");
    }

    /**
     * Gives the cookies the client sent, read from every {@code Cookie} header on each call.
     *
     * @return cookie names to values, in the order sent (the first wins when a name repeats); unmodifiable
     */
    default Map<String, String> cookies() {
        return parseCookies(headers().all("cookie"));
    }

    /**
     * Gives the value of one cookie.
     *
     * @param name a cookie name, matched exactly
     * @return its value, or empty when the client did not send it
     */
    default Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies().get(name));
    }

    /**
     * Gives the path parameters, such as {@code id} in {@code /courses/{id}}.
     *
     * @return parameters filled by {@link HttpRouter} or the provider's route, unmodifiable
     */
    Map<String, String> pathParameters();

    /**
     * Gives the value of one path parameter.
     *
     * @param name a template variable such as {@code id} in {@code /courses/{id}}
     * @return its decoded value, or empty when the route has no such variable
     */
    default Optional<String> pathParameter(String name) {
        return Optional.ofNullable(pathParameters().get(name));
    }

    /**
     * Gives the client's address.
     *
     * @return the address as the provider reports it, or empty when it does not
     */
    Optional<String> remoteAddress();

    /**
     * Gives the body bytes; changing them does not change the request.
     *
     * @return a copy of the body; empty when there is no body
     */
    byte[] body();

    /**
     * Gives the size of the body without copying it.
     *
     * @return the body length in bytes
     */
    int bodyLength();

    /**
     * Decodes the body as text.
     *
     * @return the body decoded with the charset named in {@code Content-Type}, UTF-8 when none or an unknown one is
     *         named
     */
    String bodyAsString();

    /**
     * Binds the JSON body to a type and validates it when the type carries constraints.
     *
     * @param type the type to bind to
     * @param <T>  the result type
     * @return the bound body
     * @throws InvalidInputException (reported as 400, or 415 for a non-JSON content type) when the body is
     *                               missing, not JSON, does not fit the type or breaks a constraint
     */
    default <T> T bodyAs(Class<T> type) {
        return bodyAs((Type) Objects.requireNonNull(type, "type"));
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
    <T> T bodyAs(Type type);

    /**
     * Gives the codec {@link #bodyAs(Class)} binds and validates the body with.
     *
     * @return the codec the adapter set, or the runtime's standard one
     */
    JsonCodec codec();

    /**
     * Gives the provider's own request object.
     *
     * @param type the expected native type
     * @param <U>  the native type
     * @return the native request
     * @throws IllegalArgumentException if there is none of that type
     */
    <U> U unwrap(Class<U> type);

    /**
     * Starts a changed copy of this request; the copy holds plain values, worked out now.
     *
     * @return a builder holding this request's parts
     */
    Builder toBuilder();

    /**
     * Gives this request with other path parameters; {@link HttpRouter} uses it to hand a route's variables over.
     * The result answers every other part from this request, so nothing is copied or read early.
     *
     * @param parameters the path parameters of the result
     * @return this request with those path parameters
     */
    default HttpRequest withPathParameters(Map<String, String> parameters) {
        return new RoutedHttpRequest(this, parameters);
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
        return Collections.unmodifiableMap(parsed);
    }

    /** Builds an {@link HttpRequest} from plain values; adapters and tests use it. */
    final class Builder {
        String method = "GET";
        String path = "/";
        String rawPath;
        QueryParameters.Builder query;   // created with the first parameter: most requests have none
        /** Headers handed over whole by {@link #headers(HttpHeaders)}, kept as they are until a single header is added. */
        HttpHeaders builtHeaders;
        HttpHeaders.Builder headers;   // created when a single header is added
        byte[] body;
        Map<String, String> pathParameters;   // created when the first parameter arrives
        String remoteAddress;
        Object nativeRequest;
        JsonCodec codec;   // null: the runtime's standard codec, found when a body is first bound

        Builder() {
        }

        /**
         * Sets the HTTP method; it is upper-cased when the request is built.
         *
         * @param method the HTTP method, such as {@code post}
         * @return this builder
         */
        public Builder method(String method) {
            this.method = method;
            return this;
        }

        /**
         * Sets the decoded path; a missing leading {@code /} is added when the request is built.
         *
         * @param path the URL-decoded path; {@code null} or empty for {@code /}
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * Sets the path as the client sent it, when it differs from the decoded one.
         *
         * @param rawPath the path as sent, possibly percent-encoded; {@code null} for the decoded path
         * @return this builder
         */
        public Builder rawPath(String rawPath) {
            this.rawPath = rawPath;
            return this;
        }

        /**
         * Replaces the query parameters collected so far with these.
         *
         * @param all the request's query parameters
         * @return this builder
         */
        public Builder query(QueryParameters all) {
            this.query = Objects.requireNonNull(all, "query").isEmpty() ? null : all.toBuilder();
            return this;
        }

        /**
         * Appends a value to a query parameter.
         *
         * @param name  a decoded parameter name
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
         * Appends a value to a header.
         *
         * @param name  a header name, any case
         * @param value a value to append
         * @return this builder
         */
        public Builder header(String name, String value) {
            if (headers == null) {
                headers = builtHeaders == null ? HttpHeaders.builder() : builtHeaders.toBuilder();
                builtHeaders = null;
            }
            headers.add(name, value);
            return this;
        }

        /**
         * Replaces the headers collected so far with these, kept as they are rather than copied.
         *
         * @param all the request's headers
         * @return this builder
         */
        public Builder headers(HttpHeaders all) {
            this.builtHeaders = Objects.requireNonNull(all, "headers");
            this.headers = null;
            return this;
        }

        /**
         * Sets the body bytes without copying them.
         *
         * @param bytes the body; do not change it afterwards. {@code null} for none
         * @return this builder
         */
        public Builder body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        /**
         * Sets the body as text.
         *
         * @param text the body, encoded as UTF-8; {@code null} for none
         * @return this builder
         */
        public Builder body(String text) {
            this.body = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /**
         * Replaces the path parameters.
         *
         * @param parameters path parameters to set, copied
         * @return this builder
         */
        public Builder pathParameters(Map<String, String> parameters) {
            pathParameters = parameters.isEmpty() ? null : new LinkedHashMap<>(parameters);
            return this;
        }

        /**
         * Sets the client's address as the provider reports it.
         *
         * @param address the client's address, or {@code null} when unknown
         * @return this builder
         */
        public Builder remoteAddress(String address) {
            this.remoteAddress = address;
            return this;
        }

        /**
         * Sets the provider's own request object, which {@link HttpRequest#unwrap(Class)} gives back.
         *
         * @param request the provider's request object, or {@code null}
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

        /**
         * Makes the request.
         *
         * @return the request
         * @throws NullPointerException if the method was set to {@code null}
         */
        public HttpRequest build() {
            return new SimpleHttpRequest(this);
        }
    }
}
