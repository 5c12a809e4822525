package dev.portablefn.idempotency;

import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.QueryParameters;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response as the idempotency store keeps it, with the fingerprint of the request that produced it.
 * {@code Set-Cookie} is never kept: a session cookie belongs to the response it was issued with, not to replays.
 *
 * @param status      the status code
 * @param headers     lower-case header names to values, without {@code set-cookie}
 * @param body        the body bytes
 * @param fingerprint a digest of the request's method, path, query and body
 * @param statusOnly  whether the response was too large to keep, so only its status was stored
 */
record StoredResponse(int status, Map<String, List<String>> headers, byte[] body, String fingerprint, boolean statusOnly) {

    private static final String SET_COOKIE = "set-cookie";

    static StoredResponse of(HttpResponse response, String fingerprint) {
        Map<String, List<String>> headers = new LinkedHashMap<>(response.headers().asMap());
        headers.remove(SET_COOKIE);
        return new StoredResponse(response.status(), headers, response.body(), fingerprint, false);
    }

    static StoredResponse statusOnly(int status, String fingerprint) {
        return new StoredResponse(status, Map.of(), new byte[0], fingerprint, true);
    }

    /**
     * Digests what makes two requests the same request: method, path, query (pairs ordered by name, values in
     * arrival order) and body. Each part is length-prefixed, so no two different requests run together alike.
     */
    static String fingerprint(HttpRequest request) {
        MessageDigest digest = Digests.sha256();
        StringBuilder head = new StringBuilder();
        part(head, request.method());
        part(head, request.path());
        QueryParameters query = request.query();
        List<Integer> order = new ArrayList<>(query.size());
        for (int i = 0; i < query.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(query::name));   // stable: values of one name keep their order
        for (int i : order) {
            part(head, query.name(i));
            part(head, query.value(i));
        }
        digest.update(head.toString().getBytes(StandardCharsets.UTF_8));
        digest.update(request.body());
        return Digests.hex(digest.digest());
    }

    private static void part(StringBuilder into, String value) {
        into.append(value.length()).append(':').append(value);
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
            if (header.getKey().equalsIgnoreCase(SET_COOKIE)) {
                continue;   // records written before cookies were dropped on the way in
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
