package dev.portablefn.testing.azure;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An Azure Functions {@link HttpRequestMessage} with a binary body ({@code dataType = "binary"}), as the
 * Java worker binds it, for calling {@code AzureFunctions.http(..)} in tests. Its
 * {@link #createResponseBuilder} makes {@link TestHttpResponseMessage}s. Like the worker, it keeps one value
 * per header name (repeated values joined with {@code ", "}) and lower-cases header names.
 */
public final class TestHttpRequestMessage implements HttpRequestMessage<Optional<byte[]>> {

    private final HttpMethod method;
    private final URI uri;
    private final Map<String, String> headers;
    private final Map<String, String> query;
    private final byte[] body;

    private TestHttpRequestMessage(HttpMethod method, URI uri, Map<String, String> headers, Map<String, String> query,
                                   byte[] body) {
        this.method = method;
        this.uri = uri;
        this.headers = headers;
        this.query = query;
        this.body = body;
    }

    /**
     * @param method  the HTTP method
     * @param url     the full URL the host received, such as {@code https://app.azurewebsites.net/api/orders?page=2}
     * @param headers the headers, one value per name
     * @param body    the body, or {@code null} for none
     * @return the request
     * @throws IllegalArgumentException if the method is not one Azure Functions accepts or the URL is invalid
     */
    public static TestHttpRequestMessage of(String method, String url, Map<String, String> headers, byte[] body) {
        HttpMethod parsed;
        try {
            parsed = HttpMethod.valueOf(Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + method + "' is not an HTTP method Azure Functions accepts", e);
        }
        URI uri;
        try {
            uri = new URI(Objects.requireNonNull(url, "url"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getMessage(), e);
        }
        Map<String, String> lowerCased = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> lowerCased.merge(name.toLowerCase(Locale.ROOT), value, (a, b) -> a + ", " + b));
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            dev.portablefn.runtime.internal.http.UrlDecoding.parseQuery(uri.getRawQuery()).asMap()
                    .forEach((name, values) -> query.put(name, String.join(",", values)));
        }
        return new TestHttpRequestMessage(parsed, uri, Collections.unmodifiableMap(lowerCased),
                Collections.unmodifiableMap(query), body == null ? null : body.clone());
    }

    /**
     * @param request a portable request; its path is put under the host's default {@code /api} route prefix
     * @return the request message the Java worker would bind for it
     */
    public static TestHttpRequestMessage from(dev.portablefn.api.http.HttpRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().asMap().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        return of(request.method(), url(request), headers, request.bodyLength() == 0 ? null : request.body());
    }

    /**
     * @param request a portable request
     * @return the URL an Azure host with the default {@code api} route prefix receives it on
     */
    public static String url(dev.portablefn.api.http.HttpRequest request) {
        String path = request.rawPath() != null && !request.rawPath().isEmpty() ? request.rawPath()
                : encodePath(request.path());
        StringBuilder url = new StringBuilder("https://test-app.azurewebsites.net/api")
                .append(path.startsWith("/") ? path : "/" + path);
        String separator = "?";
        for (Map.Entry<String, List<String>> parameter : request.query().asMap().entrySet()) {
            for (String value : parameter.getValue()) {
                url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(value));
                separator = "&";
            }
        }
        return url.toString();
    }

    private static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (out.length() > 0 || path.startsWith("/")) {
                out.append('/');
            }
            out.append(encode(segment).replace("+", "%20"));
        }
        String encoded = out.toString();
        return encoded.startsWith("//") ? encoded.substring(1) : encoded;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
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
    public Optional<byte[]> getBody() {
        return Optional.ofNullable(body).map(byte[]::clone);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
        return TestHttpResponseMessage.builder(status);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
        return TestHttpResponseMessage.builder(status);
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
