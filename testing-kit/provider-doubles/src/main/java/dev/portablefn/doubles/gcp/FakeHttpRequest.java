package dev.portablefn.doubles.gcp;

import com.google.cloud.functions.HttpRequest;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Functions Framework {@link HttpRequest} held in memory, for driving an {@code HttpFunction} in tests and
 * benchmarks. Build one from parts ({@link #builder(String, String)}), parse the HTTP/1.1 bytes the framework would
 * receive ({@link #parse(byte[])}), or wrap header fields parsed earlier ({@link #of(String, String, HeaderFields,
 * byte[])}). Per call it does what java-function-invoker 2.0.0 does: {@link #getHeaders()} builds a new
 * case-insensitive map, {@link #getContentType()} scans the server's parsed fields, the query is decoded on request.
 * The body can be read any number of times.
 */
public final class FakeHttpRequest implements HttpRequest {

    private static final String DEFAULT_ORIGIN = "http://localhost:8080";

    private final String method;
    private final String origin;
    private final String path;
    private final String query;
    private final HeaderFields fields;
    private final byte[] body;

    private FakeHttpRequest(String method, String origin, String path, String query, HeaderFields fields, byte[] body) {
        this.method = method;
        this.origin = origin;
        this.path = path;
        this.query = query;
        this.fields = fields;
        this.body = body;
    }

    /**
     * Starts a request.
     *
     * @param method the HTTP method, upper-cased when built
     * @param target the request target: a path with an optional query ({@code /orders?page=2}) or an absolute URL
     * @return a builder
     */
    public static Builder builder(String method, String target) {
        return new Builder(method, target);
    }

    /**
     * Wraps header fields the server parsed before the function runs, copying and parsing nothing, as the invoker
     * wraps the server's request: a benchmark can make one per call for the cost of one object.
     *
     * @param method the HTTP method
     * @param path   the raw request path, without a query
     * @param fields the header fields
     * @param body   the body, used as given
     * @return the request, on {@code http://localhost:8080}
     */
    public static FakeHttpRequest of(String method, String path, HeaderFields fields, byte[] body) {
        return new FakeHttpRequest(method, DEFAULT_ORIGIN, path, null, fields, body);
    }

    /**
     * Parses an HTTP/1.1 request as it arrives on the wire: request line, headers, blank line, body (taken whole;
     * {@code Content-Length} is not required).
     *
     * @param raw the request bytes
     * @return the request
     * @throws IllegalArgumentException naming the problem when the bytes are not an HTTP/1.1 request
     */
    public static FakeHttpRequest parse(byte[] raw) {
        Objects.requireNonNull(raw, "raw");
        int end = headerEnd(raw);
        if (end < 0) {
            throw new IllegalArgumentException("not an HTTP/1.1 request: no blank line after the headers");
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r?\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/")) {
            throw new IllegalArgumentException("not an HTTP/1.1 request line: '" + lines[0]
                    + "'; expected 'METHOD /path HTTP/1.1'");
        }
        Builder builder = builder(requestLine[0], requestLine[1]);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("HTTP header line " + i + " has no 'name: value': '" + lines[i] + "'");
            }
            builder.header(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
        }
        int bodyStart = end + (raw[end] == '\r' ? 4 : 2);
        return builder.body(Arrays.copyOfRange(raw, Math.min(bodyStart, raw.length), raw.length)).build();
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

    /**
     * Writes this request as the framework receives it: request line, a {@code Host} header unless one was given,
     * the headers, a {@code Content-Length} for a body unless one was given, a blank line, the body.
     *
     * @return the HTTP/1.1 request bytes
     */
    public byte[] toBytes() {
        StringBuilder head = new StringBuilder().append(method).append(' ').append(path);
        if (query != null) {
            head.append('?').append(query);
        }
        head.append(" HTTP/1.1\r\n");
        Map<String, List<String>> headers = fields.headers();
        if (!containsIgnoringCase(headers, "Host")) {
            head.append("Host: ").append(URI.create(origin).getRawAuthority()).append("\r\n");
        }
        headers.forEach((name, values) -> values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n")));
        if (body.length > 0 && !containsIgnoringCase(headers, "Content-Length")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(start, start.length + body.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }

    private static boolean containsIgnoringCase(Map<String, List<String>> headers, String name) {
        for (String key : headers.keySet()) {
            if (key.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells the method.
     *
     * @return the HTTP method
     */
    @Override
    public String getMethod() {
        return method;
    }

    /**
     * Tells the full URL, built per call as the invoker does.
     *
     * @return scheme, authority, raw path and raw query
     */
    @Override
    public String getUri() {
        return query == null ? origin + path : origin + path + "?" + query;
    }

    /**
     * Tells the path.
     *
     * @return the raw (still percent-encoded) path
     */
    @Override
    public String getPath() {
        return path;
    }

    /**
     * Tells the query.
     *
     * @return the raw query without {@code ?}, empty when there is none
     */
    @Override
    public Optional<String> getQuery() {
        return Optional.ofNullable(query);
    }

    /**
     * Decodes the query per call, {@code +} as a space and {@code %XX} escapes as UTF-8; a malformed escape is kept
     * as written.
     *
     * @return a new map of each parameter's values, in order
     */
    @Override
    public Map<String, List<String>> getQueryParameters() {
        if (query == null) {
            return Map.of();
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (!name.isEmpty()) {
                parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return text;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * Answers as the framework does for a body that is not {@code multipart/form-data}.
     *
     * @return never
     * @throws IllegalStateException always: this double does not parse multipart bodies
     */
    @Override
    public Map<String, HttpPart> getParts() {
        throw new IllegalStateException("Content-Type " + getContentType().orElse("(none)")
                + " is not multipart/form-data; FakeHttpRequest does not parse multipart bodies");
    }

    /**
     * Finds the content type by scanning the parsed header fields, as the invoker asks Jetty per call.
     *
     * @return the first {@code Content-Type} value, empty when there is none
     */
    @Override
    public Optional<String> getContentType() {
        String[] names = fields.names;
        for (int i = 0; i < names.length; i++) {
            if (names[i] == HeaderFields.CONTENT_TYPE) {   // Jetty compares its parsed header constant by identity
                return Optional.of(fields.values[i]);
            }
        }
        return Optional.empty();
    }

    /**
     * Tells the body's length.
     *
     * @return the number of body bytes
     */
    @Override
    public long getContentLength() {
        return body.length;
    }

    /**
     * Tells the charset named by the content type.
     *
     * @return the {@code charset} parameter of the content type, empty when there is none
     */
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

    /**
     * Opens the body.
     *
     * @return a new stream over the body
     */
    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(body);
    }

    /**
     * Opens the body as text.
     *
     * @return a new reader over the body in its declared charset, UTF-8 when none is declared or it is unknown
     */
    @Override
    public BufferedReader getReader() {
        Charset charset = getCharacterEncoding().filter(Charset::isSupported).map(Charset::forName)
                .orElse(StandardCharsets.UTF_8);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    /**
     * Builds a new case-insensitive map of the headers on every call, as java-function-invoker 2.0.0 does.
     *
     * @return a new, changeable map of each header's values
     */
    @Override
    public Map<String, List<String>> getHeaders() {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        fields.headers().forEach((name, values) -> copy.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values));
        return copy;
    }

    /**
     * Describes this double briefly.
     *
     * @return the method and URL, for test failure messages
     */
    @Override
    public String toString() {
        return method + " " + getUri();
    }

    /**
     * A request's header fields as the server parses them before the function runs: the source of the map {@link
     * #getHeaders()} builds, and each field's lower-cased name (the known ones as one shared constant, as Jetty's
     * {@code HttpHeader} enum is) for look-ups by identity.
     */
    public static final class HeaderFields {
        static final String CONTENT_TYPE = "content-type";

        private final Map<String, List<String>> headers;
        private final String[] names;
        private final String[] values;

        private HeaderFields(Map<String, List<String>> headers, String[] names, String[] values) {
            this.headers = headers;
            this.names = names;
            this.values = values;
        }

        /**
         * Parses header fields.
         *
         * @param headers the headers by name, each with its values; kept as given, not copied
         * @return the parsed fields
         */
        public static HeaderFields of(Map<String, List<String>> headers) {
            List<String> names = new ArrayList<>();
            List<String> values = new ArrayList<>();
            headers.forEach((name, list) -> list.forEach(value -> {
                String lower = name.toLowerCase(Locale.ROOT);
                names.add(lower.equals(CONTENT_TYPE) ? CONTENT_TYPE : lower);
                values.add(value);
            }));
            return new HeaderFields(headers, names.toArray(String[]::new), values.toArray(String[]::new));
        }

        Map<String, List<String>> headers() {
            return headers;
        }
    }

    /** Gathers the parts of a {@link FakeHttpRequest}. */
    public static final class Builder {
        private final String method;
        private final URI target;
        private final StringBuilder addedQuery = new StringBuilder();
        private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private byte[] body = new byte[0];

        private Builder(String method, String target) {
            this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
            Objects.requireNonNull(target, "target");
            try {
                URI parsed = new URI(target);
                this.target = parsed.isAbsolute() ? parsed
                        : new URI(DEFAULT_ORIGIN + (target.startsWith("/") ? "" : "/") + target);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("request target '" + target + "' is not a valid URI: " + e.getMessage(), e);
            }
        }

        /**
         * Adds a header value; names match case-insensitively, so {@code X-A} and {@code x-a} are one header.
         *
         * @param name  the header name
         * @param value the value, added after any the header has
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.computeIfAbsent(Objects.requireNonNull(name, "name"), k -> new ArrayList<>())
                    .add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds headers.
         *
         * @param headers each header's values
         * @return this builder
         */
        public Builder headers(Map<String, ? extends List<String>> headers) {
            headers.forEach((name, values) -> values.forEach(value -> header(name, value)));
            return this;
        }

        /**
         * Adds a query parameter after those in the target, form-encoded.
         *
         * @param name  the parameter name
         * @param value the value
         * @return this builder
         */
        public Builder query(String name, String value) {
            addedQuery.append(addedQuery.length() == 0 ? "" : "&").append(encode(name)).append('=')
                    .append(encode(value));
            return this;
        }

        /**
         * Sets the body.
         *
         * @param bytes the body, copied; {@code null} for none
         * @return this builder
         */
        public Builder body(byte[] bytes) {
            this.body = bytes == null ? new byte[0] : bytes.clone();
            return this;
        }

        /**
         * Sets the body as UTF-8 text.
         *
         * @param text the body
         * @return this builder
         */
        public Builder body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public FakeHttpRequest build() {
            String rawPath = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            String rawQuery = target.getRawQuery();
            if (addedQuery.length() > 0) {
                rawQuery = rawQuery == null || rawQuery.isEmpty() ? addedQuery.toString() : rawQuery + "&" + addedQuery;
            }
            Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            String origin = target.getScheme() + "://" + target.getRawAuthority();
            return new FakeHttpRequest(method, origin, rawPath, rawQuery, HeaderFields.of(Collections.unmodifiableMap(copy)),
                    body);
        }
    }
}
