package dev.portablefn.api.http;

import dev.portablefn.api.Context;
import dev.portablefn.api.HttpFunction;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Routes requests by method and path template ({@code /courses/{id}}) to handlers, itself an
 * {@link HttpFunction}. Literal segments win over variables; a path that matches no template gets
 * 404, a path that matches with another method gets 405 with {@code Allow}. {@code HEAD} runs the
 * {@code GET} handler (unless routed explicitly) and never gets a body, and {@code OPTIONS} answers
 * 204 with {@code Allow} unless routed explicitly. Trailing slashes are ignored. Variables are
 * percent-decoded into {@link HttpRequest#pathParameters()}; an encoded {@code /} stays inside its segment.
 */
public final class HttpRouter implements HttpFunction {

    private final List<Route> routes;

    private HttpRouter(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /**
     * Starts a router with no routes.
     *
     * @return a builder for a router
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Hands the request to the handler of the most specific matching route, or answers 404, 405 or an
     * {@code OPTIONS} 204 itself.
     *
     * @param request the request to route
     * @param context the invocation context, passed on to the handler
     * @return the handler's response, without a body for {@code HEAD}
     * @throws Exception whatever the handler throws
     */
    @Override
    public HttpResponse handle(HttpRequest request, Context context) throws Exception {
        HttpResponse response = route(request, context);
        // A HEAD request never gets a body, whichever handler or error produced the response.
        return request.method().equals("HEAD") && response.bodyLength() > 0 ? response.withoutBody() : response;
    }

    private HttpResponse route(HttpRequest request, Context context) throws Exception {
        // Route on the raw path so an encoded '/' stays inside its segment, unless the raw path is not the
        // decoded path's encoding (an adapter left a stage prefix in it): then route on the decoded path.
        boolean encoded = decodePath(request.rawPath()).equals(request.path());
        String[] segments = segments(encoded ? request.rawPath() : request.path());
        String method = request.method();
        String lookup = method.equals("HEAD") ? "GET" : method;
        Route best = null;
        Map<String, String> bestParameters = null;
        for (Route route : routes) {
            if (!route.method.equals(method) && !route.method.equals(lookup)) {
                continue;
            }
            Map<String, String> parameters = route.template.match(segments, encoded);
            if (parameters == null) {
                continue;
            }
            if (route.method.equals(method) || !hasExact(method, segments, encoded)) {
                if (best == null || route.template.compareSpecificity(best.template) > 0) {
                    best = route;
                    bestParameters = parameters;
                }
            }
        }
        if (best == null) {
            return unrouted(request, segments, encoded);
        }
        HttpRequest routed = bestParameters.isEmpty() ? request : request.withPathParameters(bestParameters);
        HttpResponse response = best.handler.handle(routed, context);
        if (response == null) {
            throw new IllegalStateException("handler for " + best.method + " " + best.template + " returned null");
        }
        return response;
    }

    /** Answers a request no route takes: 404 when no template matches its path, else 405 or an OPTIONS 204. */
    private HttpResponse unrouted(HttpRequest request, String[] segments, boolean encoded) {
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            if (route.template.match(segments, encoded) != null) {
                allowed.add(route.method);
            }
        }
        if (allowed.isEmpty()) {
            return HttpResponse.notFound("no route for " + request.path());
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        allowed.add("OPTIONS");
        String allow = String.join(", ", allowed);
        String method = request.method();
        if (method.equals("OPTIONS")) {
            return HttpResponse.noContent().header("Allow", allow);
        }
        return HttpResponse.problem(Problem.of(405, method + " is not allowed on " + request.path() + "; allowed: " + allow))
                .header("Allow", allow);
    }

    private boolean hasExact(String method, String[] segments, boolean encoded) {
        for (Route route : routes) {
            if (route.method.equals(method) && route.template.match(segments, encoded) != null) {
                return true;
            }
        }
        return false;
    }

    private static String[] segments(String path) {
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.equals("/") || trimmed.isEmpty()) {
            return new String[0];
        }
        return (trimmed.startsWith("/") ? trimmed.substring(1) : trimmed).split("/", -1);
    }

    private record Route(String method, PathTemplate template, HttpFunction handler) {
    }

    /** A parsed template: each segment literal or a {@code {variable}}. */
    private static final class PathTemplate {
        private final String text;
        private final String[] literals;
        private final String[] variables;

        PathTemplate(String text) {
            if (text == null || !text.startsWith("/")) {
                throw new IllegalArgumentException("path template must start with '/': " + text);
            }
            this.text = text;
            String[] parts = segments(text);
            this.literals = new String[parts.length];
            this.variables = new String[parts.length];
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                if (part.startsWith("{") && part.endsWith("}") && part.length() > 2) {
                    String name = part.substring(1, part.length() - 1);
                    if (name.isBlank() || name.contains("{") || name.contains("}")) {
                        throw new IllegalArgumentException("path template " + text + " has a malformed variable '" + part
                                + "'; name it like /courses/{id}");
                    }
                    if (!seen.add(name)) {
                        throw new IllegalArgumentException("path template " + text + " repeats variable {" + name + "}");
                    }
                    variables[i] = name;
                } else if (part.contains("{") || part.contains("}")) {
                    throw new IllegalArgumentException("path template " + text + " has a malformed segment '" + part
                            + "'; a variable takes a whole segment, like /courses/{id}");
                } else {
                    literals[i] = part;
                }
            }
        }

        Map<String, String> match(String[] segments, boolean encoded) {
            if (segments.length != literals.length) {
                return null;
            }
            Map<String, String> parameters = null;
            for (int i = 0; i < segments.length; i++) {
                if (literals[i] != null) {
                    if (!literals[i].equals(encoded ? decodePath(segments[i]) : segments[i])) {
                        return null;
                    }
                } else {
                    if (segments[i].isEmpty()) {
                        return null;
                    }
                    if (parameters == null) {
                        parameters = new LinkedHashMap<>(4);
                    }
                    parameters.put(variables[i], encoded ? decodePath(segments[i]) : segments[i]);
                }
            }
            return parameters == null ? Map.of() : parameters;
        }

        /** The template with variable names erased, so {@code /a/{id}} and {@code /a/{x}/} compare equal. */
        String shape() {
            StringBuilder shape = new StringBuilder();
            for (String literal : literals) {
                shape.append('/').append(literal == null ? "{}" : literal);
            }
            return shape.length() == 0 ? "/" : shape.toString();
        }

        /** Positive when this template is more specific: the first differing segment is literal here. */
        int compareSpecificity(PathTemplate other) {
            for (int i = 0; i < literals.length && i < other.literals.length; i++) {
                boolean mine = literals[i] != null;
                boolean theirs = other.literals[i] != null;
                if (mine != theirs) {
                    return mine ? 1 : -1;
                }
            }
            return 0;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Builds an {@link HttpRouter}; routes are matched by specificity, not by the order added. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();

        private Builder() {
        }

        /**
         * Routes one method and path template to a handler.
         *
         * @param method   the HTTP method, any case
         * @param template a path template such as {@code /courses/{id}}
         * @param handler  the function for matching requests
         * @return this builder
         * @throws IllegalArgumentException if the method or template is malformed, or the same method and
         *                                  template shape (variable names aside) repeat
         */
        public Builder route(String method, String template, HttpFunction handler) {
            String upper = Objects.requireNonNull(method, "method").trim().toUpperCase(Locale.ROOT);
            if (upper.isEmpty() || !upper.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c == '-' || c == '_')) {
                throw new IllegalArgumentException("'" + method + "' is not an HTTP method; use GET, POST, ...");
            }
            PathTemplate parsed = new PathTemplate(template);
            for (Route existing : routes) {
                if (existing.method.equals(upper) && existing.template.shape().equals(parsed.shape())) {
                    throw new IllegalArgumentException(upper + " " + template + " is routed twice (as "
                            + existing.template + "); each method and path shape may have one handler");
                }
            }
            routes.add(new Route(upper, parsed, Objects.requireNonNull(handler, "handler")));
            return this;
        }

        /**
         * Routes {@code GET} (and so {@code HEAD}) on a path template to a handler.
         *
         * @param template a path template
         * @param handler its GET handler
         * @return this builder
         */
        public Builder get(String template, HttpFunction handler) {
            return route("GET", template, handler);
        }

        /**
         * Routes {@code POST} on a path template to a handler.
         *
         * @param template a path template
         * @param handler its POST handler
         * @return this builder
         */
        public Builder post(String template, HttpFunction handler) {
            return route("POST", template, handler);
        }

        /**
         * Routes {@code PUT} on a path template to a handler.
         *
         * @param template a path template
         * @param handler its PUT handler
         * @return this builder
         */
        public Builder put(String template, HttpFunction handler) {
            return route("PUT", template, handler);
        }

        /**
         * Routes {@code PATCH} on a path template to a handler.
         *
         * @param template a path template
         * @param handler its PATCH handler
         * @return this builder
         */
        public Builder patch(String template, HttpFunction handler) {
            return route("PATCH", template, handler);
        }

        /**
         * Routes {@code DELETE} on a path template to a handler.
         *
         * @param template a path template
         * @param handler its DELETE handler
         * @return this builder
         */
        public Builder delete(String template, HttpFunction handler) {
            return route("DELETE", template, handler);
        }

        /**
         * Makes the router; the builder can go on to make others.
         *
         * @return the router
         */
        public HttpRouter build() {
            return new HttpRouter(routes);
        }
    }

    /**
     * Decodes a path or path segment; a '+' stays a '+' (it means space only in queries), and input with a malformed
     * escape is returned as sent, so it matches only a route that spells it the same way.
     */
    static String decodePath(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }
}
