package dev.portablefn.api.http;

import dev.portablefn.api.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A portable HTTP response. Immutable and fluent: every method returns a changed copy, so
 * {@code HttpResponse.ok().json(course)} and
 * {@code HttpResponse.status(201).header("Location", url).json(course)} read as they send.
 */
public final class HttpResponse {

    private static final byte[] NO_BODY = new byte[0];
    private static final String JSON = "application/json";
    private static final HttpHeaders JSON_HEADERS = HttpHeaders.builder().set("Content-Type", JSON).build();

    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    private HttpResponse(int status, HttpHeaders headers, byte[] body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be 100..599, got " + status);
        }
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /**
     * Starts a successful response.
     *
     * @return an empty 200 OK
     */
    public static HttpResponse ok() {
        return status(200);
    }

    /**
     * Starts a response with any status.
     *
     * @param status any status 100..599
     * @return an empty response with that status
     * @throws IllegalArgumentException if the status is outside 100..599
     */
    public static HttpResponse status(int status) {
        return new HttpResponse(status, HttpHeaders.empty(), NO_BODY);
    }

    /**
     * Answers that a resource was created.
     *
     * @param location the new resource's URL
     * @return an empty 201 Created with {@code Location}
     */
    public static HttpResponse created(String location) {
        return status(201).header("Location", location);
    }

    /**
     * Answers with nothing to say.
     *
     * @return a 204 No Content
     */
    public static HttpResponse noContent() {
        return status(204);
    }

    /**
     * Answers that something does not exist.
     *
     * @param detail what was not found, for the caller
     * @return a 404 problem response
     */
    public static HttpResponse notFound(String detail) {
        return problem(Problem.of(404, detail));
    }

    /**
     * Answers with an RFC 9457 problem.
     *
     * @param problem the problem detail
     * @return a response with the problem's status and an {@code application/problem+json} body
     */
    public static HttpResponse problem(Problem problem) {
        return status(problem.status()).body(JsonCodec.standard().write(problem), Problem.MEDIA_TYPE);
    }

    /**
     * Gives the status code.
     *
     * @return the status, 100..599
     */
    public int status() {
        return status;
    }

    /**
     * Gives the response's headers.
     *
     * @return the headers, including {@code Set-Cookie} for each cookie
     */
    public HttpHeaders headers() {
        return headers;
    }

    /**
     * Gives the first value of one header.
     *
     * @param name a header name, any case
     * @return its first value, or empty when the response has no such header
     */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /**
     * Gives the media type of the body.
     *
     * @return the {@code Content-Type}, or empty when none was set
     */
    public Optional<String> contentType() {
        return headers.first("content-type");
    }

    /**
     * Gives the cookies the response sets.
     *
     * @return the {@code Set-Cookie} header values, in order
     */
    public List<String> cookies() {
        return headers.all("set-cookie");
    }

    /**
     * Gives the body bytes; changing them does not change the response.
     *
     * @return a copy of the body; empty when there is no body
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * Gives the size of the body without copying it.
     *
     * @return the body length in bytes
     */
    public int bodyLength() {
        return body.length;
    }

    /**
     * Decodes the body as text.
     *
     * @return the body decoded as UTF-8
     */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Tells whether the body must travel base64-encoded through providers that carry bodies as JSON strings.
     *
     * @return {@code true} for a non-empty body unless the content type is text, JSON, XML, JavaScript or form data
     */
    public boolean isBinary() {
        return body.length > 0 && !isTextual(contentType().orElse(null));
    }

    /**
     * Tells whether bodies of a media type are text.
     *
     * @param contentType a {@code Content-Type} value or {@code null}
     * @return whether bodies of that type are text; {@code null} counts as binary
     */
    public static boolean isTextual(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("javascript") || type.startsWith("application/x-www-form-urlencoded")
                || type.contains("charset=");
    }

    /**
     * Makes a copy with another status.
     *
     * @param newStatus the status of the copy, 100..599
     * @return a copy with that status
     * @throws IllegalArgumentException if the status is outside 100..599
     */
    public HttpResponse withStatus(int newStatus) {
        return new HttpResponse(newStatus, headers, body);
    }

    /**
     * Makes a copy with one more header value.
     *
     * @param name  a header name
     * @param value a value to append to that header
     * @return a copy with the header value added
     */
    public HttpResponse header(String name, String value) {
        return new HttpResponse(status, headers.toBuilder().add(name, value).build(), body);
    }

    /**
     * Makes a copy in which a header has exactly one value.
     *
     * @param name  a header name
     * @param value the only value the header will have
     * @return a copy with the header replaced
     */
    public HttpResponse withHeader(String name, String value) {
        return new HttpResponse(status, headers.toBuilder().set(name, value).build(), body);
    }

    /**
     * Makes a copy that also sets a cookie.
     *
     * @param cookie a cookie to set
     * @return a copy with a {@code Set-Cookie} header for it
     */
    public HttpResponse cookie(Cookie cookie) {
        return header("Set-Cookie", cookie.toSetCookieHeader());
    }

    /**
     * Makes a copy with a value as its JSON body, written by the runtime's standard codec.
     *
     * @param value any value the shared codec can write; {@code null} writes {@code null}
     * @return a copy with the value as an {@code application/json} body
     * @throws IllegalArgumentException if the value cannot be serialized
     */
    public HttpResponse json(Object value) {
        return json(value, JsonCodec.standard());
    }

    /**
     * Makes a copy with a value as its JSON body, written by a given codec.
     *
     * @param value a value
     * @param codec the codec to write it with
     * @return a copy with the value as an {@code application/json} body
     * @throws IllegalArgumentException if the codec cannot serialize the value
     */
    public HttpResponse json(Object value, JsonCodec codec) {
        return body(codec.write(value), JSON);
    }

    /**
     * Makes a copy with a text body.
     *
     * @param text the body; {@code null} for an empty one
     * @return a copy with a {@code text/plain; charset=utf-8} body
     */
    public HttpResponse text(String text) {
        return body(text == null ? NO_BODY : text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    /**
     * Makes a copy with a body of any media type.
     *
     * @param bytes       the body, not copied: do not change it afterwards; {@code null} for none
     * @param contentType its media type, or {@code null} to send none (the body then counts as binary)
     * @return a copy with that body and {@code Content-Type}
     */
    public HttpResponse body(byte[] bytes, String contentType) {
        if (headers.isEmpty() && JSON.equals(contentType)) {
            // The common case (a fresh response answering JSON): share one immutable header set.
            return new HttpResponse(status, JSON_HEADERS, bytes == null ? NO_BODY : bytes);
        }
        HttpHeaders.Builder builder = headers.toBuilder();
        HttpHeaders withType = (contentType == null ? builder.remove("Content-Type") : builder.set("Content-Type", contentType))
                .build();
        return new HttpResponse(status, withType, bytes == null ? NO_BODY : bytes);
    }

    /**
     * Makes a copy without a body, keeping the headers: what a HEAD request gets.
     *
     * @return a copy with an empty body
     */
    public HttpResponse withoutBody() {
        return new HttpResponse(status, headers, NO_BODY);
    }

    /**
     * Describes the response for logs: status, headers with credentials hidden, and the body's length.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "HttpResponse{status=" + status + ", headers=" + headers + ", bodyLength=" + body.length + "}";
    }
}
