package dev.portablefn.testing.gcp;

import dev.portablefn.api.http.HttpStatus;
import com.google.cloud.functions.HttpResponse;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Functions Framework {@link HttpResponse} that keeps status, headers and body in memory, for
 * asserting what a GCP HTTP entry wrote. Status 200 until set, as in the framework; {@link #toBytes()}
 * gives the HTTP/1.1 response the framework would send.
 */
public final class TestHttpResponse implements HttpResponse {

    private int status = 200;
    private String reason;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private BufferedWriter writer;
    private boolean streamUsed;

    @Override
    public synchronized void setStatusCode(int code) {
        setStatusCode(code, null);
    }

    @Override
    public synchronized void setStatusCode(int code, String message) {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("HTTP status " + code + " is not a three-digit status code");
        }
        this.status = code;
        this.reason = message;
    }

    @Override
    public synchronized void setContentType(String contentType) {
        headers.put("Content-Type", new ArrayList<>(List.of(contentType)));
    }

    @Override
    public synchronized Optional<String> getContentType() {
        List<String> values = headers.get("Content-Type");
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public synchronized void appendHeader(String name, String value) {
        headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    @Override
    public synchronized Map<String, List<String>> getHeaders() {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }

    /** @throws IllegalStateException if {@link #getWriter()} was used, as the framework forbids mixing them */
    @Override
    public synchronized OutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() was already called on this response");
        }
        streamUsed = true;
        return body;
    }

    /** @throws IllegalStateException if {@link #getOutputStream()} was used */
    @Override
    public synchronized BufferedWriter getWriter() {
        if (streamUsed) {
            throw new IllegalStateException("getOutputStream() was already called on this response");
        }
        if (writer == null) {
            writer = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
        }
        return writer;
    }

    /** @return the status code */
    public synchronized int statusCode() {
        return status;
    }

    /** @return the body written so far (a writer is flushed first) */
    public synchronized byte[] body() {
        if (writer != null) {
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot flush the response writer", e);
            }
        }
        return body.toByteArray();
    }

    /** @return the body as UTF-8 text */
    public String bodyAsString() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** @return the response as HTTP/1.1 bytes: status line, headers, blank line, body */
    public synchronized byte[] toBytes() {
        byte[] content = body();
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ')
                .append(reason != null ? reason : HttpStatus.reason(status)).append("\r\n");
        headers.forEach((name, values) -> values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n")));
        head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(start, start.length + content.length);
        System.arraycopy(content, 0, all, start.length, content.length);
        return all;
    }

    @Override
    public String toString() {
        return "TestHttpResponse{" + status + "}";
    }
}
