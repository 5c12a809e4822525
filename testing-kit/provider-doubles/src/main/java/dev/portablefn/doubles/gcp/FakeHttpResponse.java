package dev.portablefn.doubles.gcp;

import com.google.cloud.functions.HttpResponse;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Functions Framework {@link HttpResponse} that keeps status, headers and body in memory, for asserting what an
 * {@code HttpFunction} wrote. Status 200 until set; a status message is ignored, as the invoker ignores it; the
 * body is written either through {@link #getOutputStream()} or through {@link #getWriter()}, never both, as the
 * server allows. Each method stores what it is given and little else, so a benchmark can make one per call. Not
 * thread-safe: one request's response is written by one thread.
 */
public final class FakeHttpResponse implements HttpResponse {

    private static final int BODY_BUFFER = 256;

    private int status = 200;
    private String contentType;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    /** Made by the first getOutputStream() or getWriter(): which one came first tells whether the other may follow. */
    private ByteArrayOutputStream body;
    private BufferedWriter writer;

    /** Makes an empty response with status 200. */
    public FakeHttpResponse() {
    }

    /**
     * Sets the status.
     *
     * @param code the status code
     * @throws IllegalArgumentException if it is not a three-digit status
     */
    @Override
    public void setStatusCode(int code) {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("HTTP status " + code + " is not a three-digit status code");
        }
        status = code;
    }

    /**
     * Sets the status; the invoker drops the message, and so does this double.
     *
     * @param code    the status code
     * @param message ignored
     * @throws IllegalArgumentException if the code is not a three-digit status
     */
    @Override
    public void setStatusCode(int code, String message) {
        setStatusCode(code);
    }

    /**
     * Sets the content type, replacing any set before.
     *
     * @param type the media type
     */
    @Override
    public void setContentType(String type) {
        contentType = type;
    }

    /**
     * Tells the content type.
     *
     * @return the content type set, empty when none was
     */
    @Override
    public Optional<String> getContentType() {
        return Optional.ofNullable(contentType);
    }

    /**
     * Adds a header value after any the header has.
     *
     * @param header the header name
     * @param value  the value
     */
    @Override
    public void appendHeader(String header, String value) {
        headers.computeIfAbsent(header, name -> new ArrayList<>(1)).add(value);
    }

    /**
     * Gives the headers as the server would send them: names case-insensitive, the content type included.
     *
     * @return a new map of each header's values
     */
    @Override
    public Map<String, List<String>> getHeaders() {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (contentType != null) {
            copy.put("Content-Type", new ArrayList<>(List.of(contentType)));
        }
        headers.forEach((name, values) -> copy.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values));
        return copy;
    }

    /**
     * Gives the stream the body is written to.
     *
     * @return the same stream on every call
     * @throws IllegalStateException if {@link #getWriter()} was used
     */
    @Override
    public OutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() was already called on this response");
        }
        if (body == null) {
            body = new ByteArrayOutputStream(BODY_BUFFER);
        }
        return body;
    }

    /**
     * Gives the writer the body is written to, in UTF-8.
     *
     * @return the same writer on every call
     * @throws IllegalStateException if {@link #getOutputStream()} was used
     */
    @Override
    public BufferedWriter getWriter() {
        if (writer == null) {
            if (body != null) {
                throw new IllegalStateException("getOutputStream() was already called on this response");
            }
            body = new ByteArrayOutputStream(BODY_BUFFER);
            writer = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
        }
        return writer;
    }

    /**
     * Tells the status.
     *
     * @return the status code
     */
    public int statusCode() {
        return status;
    }

    /**
     * Gives the body written so far; what is buffered in the writer is flushed first.
     *
     * @return a copy of the body bytes
     * @throws UncheckedIOException if the writer cannot be flushed
     */
    public byte[] body() {
        if (writer != null) {
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot flush the response writer", e);
            }
        }
        return body == null ? new byte[0] : body.toByteArray();
    }

    /**
     * Gives the body written so far as text.
     *
     * @return the body decoded as UTF-8
     */
    public String bodyAsString() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /**
     * Describes this double briefly.
     *
     * @return the status code, for test failure messages
     */
    @Override
    public String toString() {
        return "FakeHttpResponse{" + status + "}";
    }
}
