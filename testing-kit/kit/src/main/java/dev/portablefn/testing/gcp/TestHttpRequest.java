package dev.portablefn.testing.gcp;

import com.google.cloud.functions.HttpRequest;
import dev.portablefn.runtime.internal.http.UrlDecoding;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Functions Framework {@link HttpRequest} held in memory, for driving a GCP HTTP entry
 * ({@code GcpHttpFunction}) in tests: build one from parts, from a portable request, or parse the raw
 * HTTP/1.1 bytes the framework would receive ({@link #parse(byte[])}). Header names are case-insensitive,
 * as in the framework; the body can be read any number of times.
 */
public final class TestHttpRequest implements HttpRequest {

    private final String method;
    private final URI uri;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    private TestHttpRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
        this.method = method;
        this.uri = uri;
        this.headers = headers;
        this.body = body;
    }

    /**
     * @param method  the HTTP method
     * @param target  the request target: a path with an optional query ({@code /orders?page=2}) or an absolute URL
     * @param headers the headers, each with its values
     * @param body    the body, or {@code null} for none
     * @return the request
     * @throws IllegalArgumentException if the target is not a valid URI
     */
    public static TestHttpRequest of(String method, String target, Map<String, List<String>> headers, byte[] body) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        URI uri;
        try {
            URI parsed = new URI(target);
            uri = parsed.isAbsolute() ? parsed : new URI("http://localhost:8080" + (target.startsWith("/") ? "" : "/") + target);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("request target '" + target + "' is not a valid URI: " + e.getMessage(), e);
        }
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> copy.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values));
        }
        copy.replaceAll((name, values) -> List.copyOf(values));
        return new TestHttpRequest(method.toUpperCase(Locale.ROOT), uri, Collections.unmodifiableMap(copy),
                body == null ? new byte[0] : body.clone());
    }

    /**
     * @param request a portable request; its raw path (or path) and query become the URL
     * @return the request the Functions Framework would hand the function for it
     */
    public static TestHttpRequest from(dev.portablefn.api.http.HttpRequest request) {
        return of(request.method(), target(request), request.headers().asMap(), request.body());
    }

    /**
     * Parses an HTTP/1.1 request as it arrives on the wire: request line, headers, blank line, body
     * (taken whole; {@code Content-Length} is not required).
     *
     * @param raw the request bytes
     * @return the request
     * @throws IllegalArgumentException naming the problem when the bytes are not an HTTP/1.1 request
     */
    public static TestHttpRequest parse(byte[] raw) {
        Objects.requireNonNull(raw, "raw");
        int end = headerEnd(raw);
        if (end < 0) {
            throw new IllegalArgumentException("not an HTTP/1.1 request: no blank line after the headers");
        }
        String head = new String(raw, 0, end, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r?\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/")) {
            throw new IllegalArgumentException("not an HTTP/1.1 request line: '" + lines[0]
                    + "'; expected 'METHOD /path HTTP/1.1'");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("HTTP header line " + i + " has no 'name: value': '" + lines[i] + "'");
            }
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        int bodyStart = end + (raw[end] == '\r' ? 4 : 2);
        byte[] body = java.util.Arrays.copyOfRange(raw, Math.min(bodyStart, raw.length), raw.length);
        return of(requestLine[0], requestLine[1], headers, body);
    }

    /** @return this request as HTTP/1.1 bytes, as the framework receives it */
    public byte[] toBytes() {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\n");
        if (!headers.containsKey("Host")) {
            head.append("Host: ").append(uri.getAuthority()).append("\r\n");
        }
        headers.forEach((name, values) -> values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n")));
        if (body.length > 0 && !headers.containsKey("Content-Length")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(start, start.length + body.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }

    private static int headerEnd(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && raw[i + 1] == '\n') {
                return i;
            }
            if (i + 3 < raw.length && raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String target(dev.portablefn.api.http.HttpRequest request) {
        String path = request.rawPath() != null && !request.rawPath().isEmpty() ? request.rawPath()
                : encodePath(request.path());
        StringBuilder target = new StringBuilder(path.isEmpty() ? "/" : path);
        String separator = "?";
        for (Map.Entry<String, List<String>> parameter : request.query().asMap().entrySet()) {
            for (String value : parameter.getValue()) {
                target.append(separator).append(encode(parameter.getKey())).append('=').append(encode(value));
                separator = "&";
            }
        }
        return target.toString();
    }

    static String encodePath(String path) {
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

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getUri() {
        return uri.toString();
    }

    @Override
    public String getPath() {
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }

    @Override
    public Optional<String> getQuery() {
        return Optional.ofNullable(uri.getRawQuery());
    }

    @Override
    public Map<String, List<String>> getQueryParameters() {
        return uri.getRawQuery() == null ? Map.of() : UrlDecoding.parseQuery(uri.getRawQuery()).asMap();
    }

    /** @throws IllegalStateException as the framework does: this request is not {@code multipart/form-data} */
    @Override
    public Map<String, HttpPart> getParts() {
        throw new IllegalStateException("Content-Type " + getContentType().orElse("(none)")
                + " is not multipart/form-data; TestHttpRequest does not parse multipart bodies");
    }

    @Override
    public Optional<String> getContentType() {
        return getFirstHeader("Content-Type");
    }

    @Override
    public long getContentLength() {
        return body.length;
    }

    @Override
    public Optional<String> getCharacterEncoding() {
        return getContentType().flatMap(type -> {
            for (String parameter : type.split(";")) {
                String trimmed = parameter.trim();
                if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    return Optional.of(trimmed.substring(8).replace("\"", ""));
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(body);
    }

    @Override
    public BufferedReader getReader() {
        Charset charset = getCharacterEncoding().filter(Charset::isSupported).map(Charset::forName)
                .orElse(StandardCharsets.UTF_8);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public Map<String, List<String>> getHeaders() {
        return headers;
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
