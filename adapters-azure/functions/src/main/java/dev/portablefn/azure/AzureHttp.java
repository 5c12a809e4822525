package dev.portablefn.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.Limits;
import dev.portablefn.api.http.HttpHeaders;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.runtime.internal.http.UrlDecoding;
import dev.portablefn.runtime.internal.json.JsonFields;
import dev.portablefn.runtime.json.JacksonCodec;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates HTTP between Azure and the portable types: the Java worker's {@link HttpRequestMessage},
 * the custom-handler {@code Data.req} object, and the response back to {@link HttpResponseMessage}.
 */
final class AzureHttp {

    private static final String SET_COOKIE = "set-cookie";
    /** Up to this many response headers are written by scanning pairs, cheaper than grouping them into a map. */
    private static final int PAIRS_SCANNED = 16;

    private AzureHttp() {
    }

    /**
     * Builds the portable request; the host's route prefix ({@code api} by default) is taken off
     * {@link HttpRequest#path()}. The body and the {@code Content-Type} are read now; the other headers, the method
     * and the URL when the function first reads one of them (see {@link AzureHttpRequest}).
     */
    static HttpRequest fromMessage(HttpRequestMessage<?> message, String routePrefix, JacksonCodec codec, Limits limits) {
        HttpRequest.Builder builder = HttpRequest.builder();
        String contentType = contentType(message.getHeaders());
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return new AzureHttpRequest(builder.body(body(message.getBody(), codec)).nativeRequest(message).build(),
                message, routePrefix, limits);
    }

    /**
     * Finds the {@code Content-Type} in the worker's headers: the host lower-cases every header name it passes to
     * the worker ({@code ToLowerInvariant} in its gRPC request conversion), so a direct look-up finds it; other
     * spellings are scanned for only when that misses.
     */
    static String contentType(Map<String, String> headers) {
        if (headers == null) {
            return null;
        }
        String direct = headers.get("content-type");
        if (direct != null) {
            return direct;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getValue() != null && "content-type".equalsIgnoreCase(header.getKey())) {
                return header.getValue();
            }
        }
        return null;
    }

    /** Copies the worker's headers, one value per name; {@code null} names and values are skipped. */
    static HttpHeaders headers(Map<String, String> worker) {
        HttpHeaders.Builder headers = HttpHeaders.builder();
        copy(worker, headers::add);
        return headers.build();
    }

    /**
     * Works out the request line of a worker's request: method, path without the route prefix, raw path and query.
     *
     * @return a request holding only those parts
     * @throws EventDecodingException if the worker gave no method or no URI, or one it cannot parse
     */
    static HttpRequest requestLine(HttpRequestMessage<?> message, String routePrefix) {
        String where = "Azure HTTP request";
        HttpMethod method;
        URI uri;
        try {
            method = message.getHttpMethod();
            // The worker parses the host's URL string with URI.create on every call: a request for /api/%zz reaches it
            // (Kestrel passes invalid escapes on), and its IllegalArgumentException is the client's error, not ours.
            uri = message.getUri();
        } catch (IllegalArgumentException unparseable) {
            throw new EventDecodingException(where + ": the worker could not parse the request line: "
                    + JsonFields.abbreviate(String.valueOf(unparseable.getMessage())), unparseable);
        }
        if (method == null) {
            throw new EventDecodingException(where + ": the HTTP method is missing");
        }
        HttpRequest.Builder builder = HttpRequest.builder().method(method.name());
        if (uri == null) {
            throw new EventDecodingException(where + ": the request URI is missing");
        }
        path(builder, uri.getRawPath(), routePrefix);
        if (uri.getRawQuery() != null) {
            builder.query(UrlDecoding.parseQuery(uri.getRawQuery()));
        } else {
            copy(message.getQueryParameters(), builder::queryParameter);
        }
        return builder.build();
    }

    /** Builds the portable request from a custom handler's {@code Data.<name>} HTTP object. */
    static HttpRequest fromCustomHandler(JsonNode request, String routePrefix, String where) {
        JsonFields.requireObject(request, where);
        String method = JsonFields.requireNonEmpty(JsonFields.optionalScalarText(request, "Method", where), "Method", where);
        if (method.length() > 32 || !method.chars().allMatch(c -> c >= 'A' && c <= 'z' && Character.isLetter(c))) {
            throw new EventDecodingException(where + ": 'Method' is not an HTTP method: '" + JsonFields.abbreviate(method) + "'");
        }
        String url = JsonFields.requireNonEmpty(JsonFields.optionalScalarText(request, "Url", where), "Url", where);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new EventDecodingException(where + ": 'Url' is not a URL: " + e.getMessage(), e);
        }
        HttpRequest.Builder builder = HttpRequest.builder().method(method);
        path(builder, uri.getRawPath(), routePrefix);
        if (uri.getRawQuery() != null) {
            builder.query(UrlDecoding.parseQuery(uri.getRawQuery()));
        } else {
            multiValued(request.get("Query"), builder::queryParameter, where + " 'Query'");
        }
        multiValued(request.get("Headers"), builder::header, where + " 'Headers'");
        JsonNode body = request.get("Body");
        byte[] bytes = HostJson.bodyBytes(body);
        return builder.body(bytes).nativeRequest(request).build();
    }

    /**
     * Tells why the Java worker cannot carry a response: its response builder keeps one value per header name
     * ({@code RpcHttpDataTarget} puts headers in a map), and several {@code Set-Cookie} values cannot be joined into
     * one, as browsers would keep only the first cookie.
     *
     * @return the limitation, for the log, or {@code null} when the response sets at most one cookie
     */
    static String refusal(HttpResponse response) {
        HttpHeaders headers = response.headers();
        int cookies = 0;
        for (int i = 0; i < headers.size(); i++) {
            if (headers.name(i).equals(SET_COOKIE)) {
                cookies++;
            }
        }
        return cookies <= 1 ? null : "the response sets " + cookies + " cookies, but the Azure Functions Java worker"
                + " carries one value per header name and Set-Cookie values cannot be comma-joined; set one cookie per"
                + " response (for instance one session cookie holding the others' state)";
    }

    /**
     * Writes the portable response through the request's builder. The Java worker keeps one value per
     * header name, so repeated values are joined with {@code ", "} (list syntax, RFC 9110); responses with
     * several cookies never get here (see {@link #refusal}).
     */
    static HttpResponseMessage toMessage(HttpResponse response, HttpRequestMessage<?> request) {
        HttpResponseMessage.Builder builder = request.createResponseBuilder(status(response.status()));
        HttpHeaders headers = response.headers();
        if (headers.size() > PAIRS_SCANNED) {
            // Many headers: grouped in one hashed pass, where the scan below would compare every pair with every other.
            headers.asMap().forEach((name, values) -> builder.header(canonical(name), joined(name, values)));
        } else {
            pairs:
            for (int i = 0; i < headers.size(); i++) {   // pair by pair: no map is built for the usual one value per name
                String name = headers.name(i);
                for (int earlier = 0; earlier < i; earlier++) {
                    if (headers.name(earlier).equals(name)) {
                        continue pairs;   // written with the first pair of its name
                    }
                }
                String value = headers.value(i);
                for (int later = i + 1; later < headers.size(); later++) {
                    if (headers.name(later).equals(name)) {
                        value = joined(name, List.of(value, headers.value(later)));
                    }
                }
                builder.header(canonical(name), value);
            }
        }
        if (response.bodyLength() > 0) {
            builder.body(response.body());
        }
        return builder.build();
    }

    /** Joins a header's values; a {@code Set-Cookie} never, since browsers would read the joined value as one cookie. */
    private static String joined(String name, List<String> values) {
        if (values.size() == 1) {
            return values.get(0);
        }
        if (name.equals(SET_COOKIE)) {
            throw new IllegalStateException("several Set-Cookie values reached the Azure response writer; the runner's"
                    + " response check should have refused them");
        }
        return String.join(", ", values);
    }

    /** values() clones the array on every call; responses look it up once each. */
    private static final HttpStatus[] STATUSES = HttpStatus.values();

    static HttpStatusType status(int code) {
        for (HttpStatus known : STATUSES) {
            if (known.value() == code) {
                return known;
            }
        }
        return HttpStatusType.custom(code);
    }

    private static void path(HttpRequest.Builder builder, String rawPath, String routePrefix) {
        String raw = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        String routed = raw;
        if (!routePrefix.isEmpty() && raw.startsWith("/") && raw.startsWith(routePrefix, 1)) {
            // Compared in place rather than building "/" + routePrefix on every request.
            int end = routePrefix.length() + 1;
            if (raw.length() == end) {
                routed = "/";
            } else if (raw.charAt(end) == '/') {
                routed = raw.substring(end);
            }
        }
        builder.rawPath(raw).path(UrlDecoding.decodePath(routed));
    }

    private static byte[] body(Object body, JacksonCodec codec) {
        Object value = body instanceof Optional<?> optional ? optional.orElse(null) : body;
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return codec.write(value);
    }

    private static void copy(Map<String, String> values, java.util.function.BiConsumer<String, String> add) {
        if (values == null) {
            return;
        }
        values.forEach((name, value) -> {
            if (name != null && value != null) {
                add.accept(name, value);
            }
        });
    }

    /** Custom handlers send headers and query values as strings or arrays of strings. */
    private static void multiValued(JsonNode values, java.util.function.BiConsumer<String, String> add, String where) {
        if (values == null || values.isNull()) {
            return;
        }
        if (!values.isObject()) {
            throw new EventDecodingException(where + " must be a JSON object, got " + JsonFields.describe(values));
        }
        Iterator<Map.Entry<String, JsonNode>> fields = values.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isArray()) {
                for (JsonNode item : value) {
                    if (!item.isValueNode() || item.isNull()) {
                        throw new EventDecodingException(where + ": '" + field.getKey() + "' must hold strings, got "
                                + JsonFields.describe(item));
                    }
                    add.accept(field.getKey(), item.asText());
                }
            } else if (value.isValueNode() && !value.isNull()) {
                add.accept(field.getKey(), value.asText());
            } else if (!value.isNull()) {
                throw new EventDecodingException(where + ": '" + field.getKey() + "' must be a string or an array of strings, got "
                        + JsonFields.describe(value));
            }
        }
    }

    private static String canonical(String lowerCaseName) {
        if (lowerCaseName.equals("content-type")) {
            return "Content-Type";   // on nearly every response
        }
        if (lowerCaseName.equalsIgnoreCase("etag")) {
            return "ETag";
        }
        char[] name = new char[lowerCaseName.length()];
        boolean upper = true;
        for (int i = 0; i < name.length; i++) {
            char c = lowerCaseName.charAt(i);
            name[i] = upper ? Character.toUpperCase(c) : c;
            upper = c == '-';
        }
        return new String(name);
    }
}
