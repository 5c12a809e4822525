package dev.portablefn.deployment;

import java.util.Locale;
import java.util.Set;

/** One parsed HTTP route of a declaration: {@code "GET /courses/{id}"}. */
record HttpRoute(String method, String path) {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** @throws IllegalArgumentException naming what is wrong with the route */
    static HttpRoute parse(String route) {
        String[] parts = route == null ? new String[0] : route.strip().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + route + "' is not \"METHOD /path\"");
        }
        String method = parts[0].toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("'" + parts[0] + "' is not an HTTP method: use one of "
                    + METHODS.stream().sorted().toList());
        }
        if (!parts[1].startsWith("/")) {
            throw new IllegalArgumentException("the path '" + parts[1] + "' does not start with '/'");
        }
        return new HttpRoute(method, parts[1]);
    }

    /** @return the path's segments, without the leading '/' */
    String[] segments() {
        return path.substring(1).split("/");
    }
}
