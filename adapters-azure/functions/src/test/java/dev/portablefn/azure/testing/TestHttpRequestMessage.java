package dev.portablefn.azure.testing;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link HttpRequestMessage} as the Azure Java worker builds it: one value per header name, query
 * parameters parsed from the URI, a body of type {@code T}. Its response builder is {@link TestHttpResponse}.
 *
 * @param <T> the body type, {@code Optional<byte[]>} or {@code Optional<String>}
 */
public final class TestHttpRequestMessage<T> implements HttpRequestMessage<T> {

    private final HttpMethod method;
    private final URI uri;
    private final Map<String, String> headers;
    private final Map<String, String> query;
    private final T body;

    private TestHttpRequestMessage(HttpMethod method, URI uri, Map<String, String> headers, T body) {
        this.method = method;
        this.uri = uri;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Map<String, String> parsed = new LinkedHashMap<>();
        if (uri != null && uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                parsed.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        this.query = Collections.unmodifiableMap(parsed);
        this.body = body;
    }

    /**
     * @param method  the method
     * @param url     the full URL, such as {@code https://app.azurewebsites.net/api/courses?x=1}
     * @param headers the headers, one value each
     * @param body    the body bytes, or {@code null}
     * @return a request with an {@code Optional<byte[]>} body, as with {@code dataType = "binary"}
     */
    public static TestHttpRequestMessage<Optional<byte[]>> binary(HttpMethod method, String url, Map<String, String> headers,
                                                                  byte[] body) {
        return new TestHttpRequestMessage<>(method, URI.create(url), headers, Optional.ofNullable(body));
    }

    /**
     * @param method  the method
     * @param url     the full URL
     * @param headers the headers, one value each
     * @param body    the body text, or {@code null}
     * @return a request with an {@code Optional<String>} body
     */
    public static TestHttpRequestMessage<Optional<String>> text(HttpMethod method, String url, Map<String, String> headers,
                                                                String body) {
        return new TestHttpRequestMessage<>(method, URI.create(url), headers, Optional.ofNullable(body));
    }

    /**
     * @param method the method, may be {@code null} to simulate a broken host
     * @param uri    the URI, may be {@code null}
     * @return a request without headers or body
     */
    public static TestHttpRequestMessage<Optional<byte[]>> broken(HttpMethod method, URI uri) {
        return new TestHttpRequestMessage<>(method, uri, Map.of(), Optional.empty());
    }

    @Override
    public URI getUri() {
        return uri;
    }

    @Override
    public HttpMethod getHttpMethod() {
        return method;
    }

    @Override
    public Map<String, String> getHeaders() {
        return headers;
    }

    @Override
    public Map<String, String> getQueryParameters() {
        return query;
    }

    @Override
    public T getBody() {
        return body;
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
        return new TestHttpResponse().status(status);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
        return new TestHttpResponse().status(status);
    }

    @Override
    public String toString() {
        return method + " " + uri + " " + new String(String.valueOf(body).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
