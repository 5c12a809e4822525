package dev.portablefn.bench.fakes;

import com.google.cloud.functions.HttpResponse;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Functions Framework response that keeps status, headers and body in memory. */
public final class FakeGcpResponse implements HttpResponse {

    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(256);
    private int status = 200;
    private String contentType;

    @Override
    public void setStatusCode(int code) {
        status = code;
    }

    @Override
    public void setStatusCode(int code, String message) {
        status = code;
    }

    @Override
    public void setContentType(String type) {
        contentType = type;
    }

    @Override
    public Optional<String> getContentType() {
        return Optional.ofNullable(contentType);
    }

    @Override
    public void appendHeader(String header, String value) {
        headers.computeIfAbsent(header, name -> new ArrayList<>(1)).add(value);
    }

    @Override
    public Map<String, List<String>> getHeaders() {
        return headers;
    }

    @Override
    public OutputStream getOutputStream() {
        return body;
    }

    @Override
    public BufferedWriter getWriter() {
        return new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
    }

    /** @return the status code set */
    public int status() {
        return status;
    }

    /** @return the body written */
    public byte[] body() {
        return body.toByteArray();
    }
}
