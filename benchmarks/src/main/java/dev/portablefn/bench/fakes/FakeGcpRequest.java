package dev.portablefn.bench.fakes;

import com.google.cloud.functions.HttpRequest;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A Functions Framework request as the invoker 2.0.0 hands it over: method, path, headers and a body stream. */
public final class FakeGcpRequest implements HttpRequest {

    private static final String CONTENT_TYPE = "content-type";

    /**
     * A request's header fields as the server has them before the function runs (parsed once, outside the measured
     * call): the map the invoker copies from, and each field's name as one constant per known header, as Jetty's
     * {@code HttpHeader} enum is.
     *
     * @param headers the headers by name
     * @param names   each field's name, lower case; known names are one shared instance
     * @param values  each field's value
     */
    public record Fields(Map<String, List<String>> headers, String[] names, String[] values) {

        /** @param headers the headers by name @return them as parsed fields */
        public static Fields parse(Map<String, List<String>> headers) {
            List<String> names = new ArrayList<>();
            List<String> values = new ArrayList<>();
            headers.forEach((name, list) -> list.forEach(value -> {
                String lower = name.toLowerCase(Locale.ROOT);
                names.add(lower.equals(CONTENT_TYPE) ? CONTENT_TYPE : lower);
                values.add(value);
            }));
            return new Fields(headers, names.toArray(String[]::new), values.toArray(String[]::new));
        }
    }

    private final String method;
    private final String path;
    private final Map<String, List<String>> headers;
    private final String[] fieldNames;
    private final String[] fieldValues;
    private final byte[] body;

    /**
     * @param method  the HTTP method
     * @param path    the request path
     * @param fields  the header fields, parsed once
     * @param body    the body
     */
    public FakeGcpRequest(String method, String path, Fields fields, byte[] body) {
        this.method = method;
        this.path = path;
        this.headers = fields.headers();
        this.fieldNames = fields.names();
        this.fieldValues = fields.values();
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

    /**
     * Scans the fields per call as the invoker 2.0.0 does through Jetty's {@code HttpFields.get(HttpHeader)}, which
     * compares each field's parsed header constant by identity (no map is built, no names compared).
     */
    @Override
    public Optional<String> getContentType() {
        for (int i = 0; i < fieldNames.length; i++) {
            if (fieldNames[i] == CONTENT_TYPE) {
                return Optional.of(fieldValues[i]);
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
