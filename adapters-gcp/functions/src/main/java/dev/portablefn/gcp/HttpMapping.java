package dev.portablefn.gcp;

import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.Limits;
import dev.portablefn.api.http.HttpHeaders;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.runtime.internal.http.RequestLimits;
import dev.portablefn.runtime.internal.http.UrlDecoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps the Functions Framework's HTTP request and response to the portable ones and back. */
final class HttpMapping {

    /** The longest array a JVM reliably allocates. */
    private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private HttpMapping() {
    }

    /**
     * @param request      the framework's request
     * @param limits  the function's limits: at most one byte more than the body limit is read, so the runner can
     *                reject it with 413; the query is checked now, the headers when the function first reads them
     * @return the portable request
     * @throws IOException           if the body cannot be read
     * @throws InvalidInputException if the query has more parameters than the limit
     */
    static HttpRequest toPortable(com.google.cloud.functions.HttpRequest request, Limits limits) throws IOException {
        long maxBodyBytes = limits.maxBodyBytes();
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
        // The framework builds a new header map on every getHeaders() call but reads the content type straight
        // from the server: the other headers are copied only if the function reads one (see GcpHttpRequest).
        Optional<String> contentType = request.getContentType();
        if (contentType.isPresent()) {
            builder.header("Content-Type", contentType.get());
        }
        try (InputStream body = request.getInputStream()) {
            // Capped before adding one: Limits.withMaxBodyBytes(Long.MAX_VALUE) would overflow to a negative limit.
            int readAtMost = (int) Math.min(maxBodyBytes, MAX_ARRAY_LENGTH - 1) + 1;
            builder.body(readBody(body, request.getContentLength(), readAtMost));
        }
        HttpRequest portable = builder.build();
        RequestLimits.query(portable.query(), limits);
        return new GcpHttpRequest(portable, request, limits);
    }

    /**
     * Reads at most {@code readAtMost} bytes. A declared Content-Length sizes the buffer exactly, so the usual
     * request is one read into one array (readNBytes(int) would fill 8 KB chunks and copy them).
     */
    static byte[] readBody(InputStream body, long contentLength, int readAtMost) throws IOException {
        if (contentLength < 0 || contentLength >= readAtMost) {
            return body.readNBytes(readAtMost);
        }
        byte[] bytes = new byte[(int) contentLength];
        int read = body.readNBytes(bytes, 0, bytes.length);
        if (read < bytes.length) {
            return Arrays.copyOf(bytes, read);
        }
        int next = body.read();
        if (next < 0) {
            return bytes;
        }
        // More bytes than declared: keep reading up to the limit, as without a Content-Length.
        byte[] rest = body.readNBytes(readAtMost - bytes.length - 1);
        byte[] all = Arrays.copyOf(bytes, bytes.length + 1 + rest.length);
        all[bytes.length] = (byte) next;
        System.arraycopy(rest, 0, all, bytes.length + 1, rest.length);
        return all;
    }

    /** Writes status, every header value (cookies as Set-Cookie headers) and the body. */
    static void write(HttpResponse response, com.google.cloud.functions.HttpResponse target) throws IOException {
        target.setStatusCode(response.status());
        HttpHeaders headers = response.headers();
        boolean contentTypeSet = false;
        for (int i = 0; i < headers.size(); i++) {   // pair by pair: no map is built
            String name = headers.name(i);
            if (name.equals("content-type")) {
                if (!contentTypeSet) {
                    target.setContentType(headers.value(i));
                    contentTypeSet = true;
                }
            } else {
                target.appendHeader(name, headers.value(i));
            }
        }
        if (response.bodyLength() > 0) {
            OutputStream out = target.getOutputStream();
            out.write(response.body());
            out.flush();
        }
    }
}
