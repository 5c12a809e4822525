package dev.portablefn.bench.fakes;

import com.google.cloud.functions.HttpRequest;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A Functions Framework request as the invoker 2.0.0 hands it over: method, path, headers and a body stream. */
public final class FakeGcpRequest implements HttpRequest {

    private final String method;
    private final String path;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    /**
     * @param method  the HTTP method
     * @param path    the request path
     * @param headers the headers
     * @param body    the body
     */
    public FakeGcpRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.body = body;
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getUri() {
        return "https://orders-abc.a.run.app" + path;
    }

    @Override
    public String getPath() {
        return path;
    }

    @Override
    public Optional<String> getQuery() {
        return Optional.empty();
    }

    @Override
    public Map<String, List<String>> getQueryParameters() {
        return Map.of();
    }

    @Override
    public Map<String, HttpPart> getParts() {
        return Map.of();
    }

    /** Looks the header up per call, as the invoker 2.0.0 does in Jetty's fields (no map is built). */
    @Override
    public Optional<String> getContentType() {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase("Content-Type") && !header.getValue().isEmpty()) {
                return Optional.of(header.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    @Override
    public long getContentLength() {
        return body.length;
    }

    @Override
    public Optional<String> getCharacterEncoding() {
        return Optional.empty();
    }

    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(body);
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    /** Builds a new case-insensitive {@code TreeMap} of {@code ArrayList}s on every call, as the invoker 2.0.0 does. */
    @Override
    public Map<String, List<String>> getHeaders() {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values));
        return copy;
    }
}
