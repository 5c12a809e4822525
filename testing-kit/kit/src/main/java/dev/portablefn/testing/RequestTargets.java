package dev.portablefn.testing;

import dev.portablefn.api.http.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Writes a portable request's path and query as the request target a provider's server receives. */
final class RequestTargets {

    private RequestTargets() {
    }

    /**
     * @param request a portable request
     * @return its raw path (or its path, percent-encoded), starting with {@code /}, and its query form-encoded
     */
    static String of(HttpRequest request) {
        String path = request.rawPath() != null && !request.rawPath().isEmpty() ? request.rawPath()
                : encodePath(request.path());
        StringBuilder target = new StringBuilder(path.startsWith("/") ? path : "/" + path);
        String separator = "?";
        for (Map.Entry<String, List<String>> parameter : request.query().asMap().entrySet()) {
            for (String value : parameter.getValue()) {
                target.append(separator).append(encode(parameter.getKey())).append('=').append(encode(value));
                separator = "&";
            }
        }
        return target.toString();
    }

    private static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (out.length() > 0 || path.startsWith("/")) {
                out.append('/');
            }
            out.append(encode(segment).replace("+", "%20"));
        }
        String encoded = out.toString();
        return encoded.startsWith("//") ? encoded.substring(1) : encoded;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
