package dev.portablefn.gcp;

import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.UrlDecoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** Maps the Functions Framework's HTTP request and response to the portable ones and back. */
final class HttpMapping {

    private HttpMapping() {
    }

    /**
     * @param request      the framework's request
     * @param maxBodyBytes the body limit; at most one byte more is read, so the runner can reject it with 413
     * @return the portable request
     * @throws IOException if the body cannot be read
     */
    static HttpRequest toPortable(com.google.cloud.functions.HttpRequest request, long maxBodyBytes) throws IOException {
        HttpRequest.Builder builder = HttpRequest.builder().method(request.getMethod()).nativeRequest(request);
        String rawPath = request.getPath();
        if (rawPath == null || rawPath.isEmpty()) {
            rawPath = "/";
        }
        builder.rawPath(rawPath).path(UrlDecoding.decodePath(rawPath));
        for (Map.Entry<String, List<String>> parameter : request.getQueryParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                builder.queryParameter(parameter.getKey(), value);
            }
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        try (InputStream body = request.getInputStream()) {
            int readAtMost = (int) Math.min(maxBodyBytes + 1, Integer.MAX_VALUE - 8);
            builder.body(body.readNBytes(readAtMost));
        }
        return builder.build();
    }

    /** Writes status, every header value (cookies as Set-Cookie headers) and the body. */
    static void write(HttpResponse response, com.google.cloud.functions.HttpResponse target) throws IOException {
        target.setStatusCode(response.status());
        for (Map.Entry<String, List<String>> header : response.headers().asMap().entrySet()) {
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                target.setContentType(header.getValue().get(0));
                continue;
            }
            for (String value : header.getValue()) {
                target.appendHeader(header.getKey(), value);
            }
        }
        if (response.bodyLength() > 0) {
            OutputStream out = target.getOutputStream();
            out.write(response.body());
            out.flush();
        }
    }
}
