package dev.portablefn.doubles.azure;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An Azure Functions {@link HttpRequestMessage} as the Java worker binds it for an HTTP trigger, for calling an
 * annotated method (or the adapter's delegation) in tests and benchmarks: a body of type {@code Optional<T>}
 * ({@code byte[]} with {@code dataType = "binary"}, else {@code String}) over the {@link HostRequest} the Functions
 * host sent. Per call it does what the worker does: {@link #getUri()} parses the URL, {@link #getHttpMethod()} looks
 * the method up, {@link #getBody()} wraps the body. Its {@link #createResponseBuilder} makes
 * {@link FakeHttpResponseMessage}s.
 *
 * @param <T> the body type, {@code byte[]} or {@code String}
 */
public final class FakeHttpRequestMessage<T> implements HttpRequestMessage<Optional<T>> {

    private final HostRequest host;
    private final T body;

    private FakeHttpRequestMessage(HostRequest host, T body) {
        this.host = host;
        this.body = body;
    }

    /**
     * Binds a request message with a binary body, as with {@code dataType = "binary"}.
     *
     * @param method  the HTTP method, in any case
     * @param url     the full URL the host received, such as {@code https://app.azurewebsites.net/api/orders?page=2}
     * @param headers the headers, one value per name
     * @param body    the body bytes, used as given; {@code null} for none
     * @return the request message
     * @throws IllegalArgumentException if the method is not one Azure Functions accepts or the URL is invalid
     */
    public static FakeHttpRequestMessage<byte[]> binary(String method, String url, Map<String, String> headers,
                                                        byte[] body) {
        return bind(HostRequest.of(method, url, headers), body);
    }

    /**
     * Binds a request message with a text body, as the worker does by default.
     *
     * @param method  the HTTP method, in any case
     * @param url     the full URL the host received
     * @param headers the headers, one value per name
     * @param body    the body text; {@code null} for none
     * @return the request message
     * @throws IllegalArgumentException if the method is not one Azure Functions accepts or the URL is invalid
     */
    public static FakeHttpRequestMessage<String> text(String method, String url, Map<String, String> headers,
                                                      String body) {
        return bind(HostRequest.of(method, url, headers), body);
    }

    /**
     * Binds a request message over what the host sent, copying and parsing nothing, as the worker binds one per
     * invocation: a benchmark can make one per call for the cost of one object.
     *
     * @param host the host's request
     * @param body the body, or {@code null} for none
     * @param <T>  the body type
     * @return the request message
     */
    public static <T> FakeHttpRequestMessage<T> bind(HostRequest host, T body) {
        return new FakeHttpRequestMessage<>(Objects.requireNonNull(host, "host"), body);
    }

    /**
     * Parses the URL, on every call, as the worker does.
     *
     * @return the request URI, or {@code null} when the host sent none
     */
    @Override
    public URI getUri() {
        return host.url == null ? null : URI.create(host.url);
    }

    /**
     * Looks the method up, on every call, as the worker does.
     *
     * @return the method, or {@code null} when the host sent none
     */
    @Override
    public HttpMethod getHttpMethod() {
        return host.method == null ? null : HttpMethod.value(host.method);
    }

    /**
     * Gives the headers.
     *
     * @return the host's headers: names lower case, one value per name
     */
    @Override
    public Map<String, String> getHeaders() {
        return host.headers;
    }

    /**
     * Gives the query parameters.
     *
     * @return the decoded query parameters, one value per name (repeated values joined with {@code ,})
     */
    @Override
    public Map<String, String> getQueryParameters() {
        return host.query;
    }

    /**
     * Gives the body, wrapped on every call as the worker does.
     *
     * @return the body, empty when there is none
     */
    @Override
    public Optional<T> getBody() {
        return Optional.ofNullable(body);
    }

    /**
     * Starts the response, as the worker's response builder.
     *
     * @param status the status
     * @return a new {@link FakeHttpResponseMessage}
     */
    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
        return new FakeHttpResponseMessage(status);
    }

    /**
     * Starts the response, as the worker's response builder.
     *
     * @param status the status, possibly a custom one
     * @return a new {@link FakeHttpResponseMessage}
     */
    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
        return new FakeHttpResponseMessage(status);
    }

    /**
     * Describes this double briefly.
     *
     * @return the method and URL, for test failure messages
     */
    @Override
    public String toString() {
        return host.method + " " + host.url;
    }

    /**
     * What the Functions host sends the Java worker for one HTTP trigger: the method's name, the URL, the headers with
     * lower-cased names (as the host lower-cases them) and one value each, and the query parameters decoded from the
     * URL. Made once, it can back any number of {@link FakeHttpRequestMessage}s.
     */
    public static final class HostRequest {
        private final String method;
        private final String url;
        private final Map<String, String> headers;
        private final Map<String, String> query;

        private HostRequest(String method, String url, Map<String, String> headers, Map<String, String> query) {
            this.method = method;
            this.url = url;
            this.headers = headers;
            this.query = query;
        }

        /**
         * Takes a request apart as the host does.
         *
         * @param method  the HTTP method, in any case
         * @param url     the full URL
         * @param headers the headers, one value per name; names differing only in case are joined with
         *                {@code ", "}. A map whose names are all lower case already is used as given, not copied.
         * @return the host request
         * @throws IllegalArgumentException if the method is not one Azure Functions accepts or the URL is invalid
         */
        public static HostRequest of(String method, String url, Map<String, String> headers) {
            String upper = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
            try {
                HttpMethod.valueOf(upper);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + method + "' is not an HTTP method Azure Functions accepts", e);
            }
            URI uri;
            try {
                uri = new URI(Objects.requireNonNull(url, "url"));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getMessage(), e);
            }
            return new HostRequest(upper, url, lowerCased(headers == null ? Map.of() : headers), query(uri.getRawQuery()));
        }

        /**
         * Describes a host that left the method or the URL out, for testing how a function copes with it.
         *
         * @param method the method's name, or {@code null}
         * @param url    the URL, or {@code null}
         * @return a host request without headers or query
         */
        public static HostRequest incomplete(String method, String url) {
            return new HostRequest(method, url, Map.of(), Map.of());
        }

        private static Map<String, String> lowerCased(Map<String, String> headers) {
            boolean lowerCase = true;
            for (String name : headers.keySet()) {
                lowerCase &= name.equals(name.toLowerCase(Locale.ROOT));
            }
            if (lowerCase) {
                return headers;
            }
            Map<String, String> lowered = new LinkedHashMap<>();
            headers.forEach((name, value) -> lowered.merge(name.toLowerCase(Locale.ROOT), value, (a, b) -> a + ", " + b));
            return Collections.unmodifiableMap(lowered);
        }

        private static Map<String, String> query(String rawQuery) {
            if (rawQuery == null || rawQuery.isEmpty()) {
                return Map.of();
            }
            Map<String, String> query = new LinkedHashMap<>();
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                if (!name.isEmpty()) {
                    query.merge(name, eq < 0 ? "" : decode(pair.substring(eq + 1)), (a, b) -> a + "," + b);
                }
            }
            return Collections.unmodifiableMap(query);
        }

        private static String decode(String text) {
            try {
                return URLDecoder.decode(text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformedEscape) {
                return text;
            }
        }
    }
}
