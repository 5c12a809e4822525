package dev.portablefn.idempotency;

import dev.portablefn.api.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response as the idempotency store keeps it, with the fingerprint of the request that produced it.
 *
 * @param status      the status code
 * @param headers     lower-case header names to values
 * @param body        the body bytes
 * @param fingerprint a digest of the request's method, path and body
 */
record StoredResponse(int status, Map<String, List<String>> headers, byte[] body, String fingerprint) {

    static StoredResponse of(HttpResponse response, String fingerprint) {
        return new StoredResponse(response.status(), response.headers().asMap(), response.body(), fingerprint);
    }

    HttpResponse toResponse() {
        HttpResponse response = HttpResponse.status(status);
        String contentType = null;
        for (Map.Entry<String, List<String>> header : headers == null ? Map.<String, List<String>>of().entrySet()
                : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase("content-type")) {
                contentType = header.getValue().isEmpty() ? null : header.getValue().get(0);
                continue;
            }
            for (String value : header.getValue()) {
                response = response.header(header.getKey(), value);
            }
        }
        byte[] bytes = body == null ? new byte[0] : body;
        if (contentType != null || bytes.length > 0) {
            response = response.body(bytes, contentType != null ? contentType : "application/octet-stream");
        }
        return response;
    }
}
