package dev.portablefn.api.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The immutable multi-valued map behind {@link HttpHeaders} and {@link QueryParameters}. */
final class MultiValues {

    static final MultiValues EMPTY_CASE_SENSITIVE = new MultiValues(Map.of(), false);
    static final MultiValues EMPTY_CASE_INSENSITIVE = new MultiValues(Map.of(), true);

    private final Map<String, List<String>> values;
    /** The map behind {@link #values}, handed to builders copy-on-write; never modified once built. */
    private final Map<String, List<String>> backing;
    private final boolean caseInsensitive;

    private MultiValues(Map<String, List<String>> values, boolean caseInsensitive) {
        this(values, values, caseInsensitive);
    }

    private MultiValues(Map<String, List<String>> values, Map<String, List<String>> backing, boolean caseInsensitive) {
        this.values = values;
        this.backing = backing;
        this.caseInsensitive = caseInsensitive;
    }

    String key(String name) {
        Objects.requireNonNull(name, "name");
        return caseInsensitive ? lowerCase(name) : name;
    }

    /** Header names servers and SDKs send capitalised on most requests, lower-cased once rather than per request. */
    private static final Map<String, String> COMMON_LOWER_CASE = commonLowerCase(
            "Accept", "Accept-Encoding", "Accept-Language", "Authorization", "Cache-Control", "Connection",
            "Content-Length", "Content-Type", "Cookie", "Host", "Origin", "Referer", "User-Agent",
            "X-Forwarded-For", "X-Forwarded-Proto", "X-Cloud-Trace-Context", "Function-Execution-Id", "Traceparent");

    private static Map<String, String> commonLowerCase(String... names) {
        Map<String, String> lower = new java.util.HashMap<>();
        for (String name : names) {
            lower.put(name, name.toLowerCase(Locale.ROOT));
        }
        return Map.copyOf(lower);
    }

    static String lowerCase(String name) {
        String common = COMMON_LOWER_CASE.get(name);
        return common != null ? common : name.toLowerCase(Locale.ROOT);
    }

    Optional<String> first(String name) {
        List<String> all = values.get(key(name));
        return all == null || all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    List<String> all(String name) {
        List<String> all = values.get(key(name));
        return all == null ? List.of() : all;
    }

    boolean contains(String name) {
        return values.containsKey(key(name));
    }

    Map<String, List<String>> asMap() {
        return values;
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    Builder toBuilder() {
        Builder builder = new Builder(caseInsensitive);
        if (!values.isEmpty()) {
            // Shared until the builder first changes it: a copy that is never modified costs nothing.
            builder.values = backing;
            builder.shared = true;
        }
        return builder;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MultiValues that && values.equals(that.values) && caseInsensitive == that.caseInsensitive;
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    static final class Builder {
        /** Starts as the shared empty map: a builder nobody adds to (query parameters, usually) allocates no map. */
        private Map<String, List<String>> values = Map.of();
        private final boolean caseInsensitive;
        /** Set while {@link #values} is not this builder's own (empty, or handed out by {@link #build()}); the next change copies it first. */
        private boolean shared = true;

        Builder(boolean caseInsensitive) {
            this.caseInsensitive = caseInsensitive;
        }

        private String key(String name) {
            Objects.requireNonNull(name, "name");
            return caseInsensitive ? lowerCase(name) : name;
        }

        private Map<String, List<String>> writable() {
            if (shared) {
                values = new LinkedHashMap<>(values);
                shared = false;
            }
            return values;
        }

        void add(String name, String value) {
            Objects.requireNonNull(value, () -> "value of " + name);
            Map<String, List<String>> map = writable();
            String key = key(name);
            List<String> existing = map.get(key);
            if (existing == null) {
                // Most headers have one value: an immutable one-element list is the cheapest holder.
                map.put(key, List.of(value));
            } else {
                List<String> grown = new ArrayList<>(existing.size() + 1);
                grown.addAll(existing);
                grown.add(value);
                map.put(key, Collections.unmodifiableList(grown));
            }
        }

        void set(String name, String value) {
            Objects.requireNonNull(value, () -> "value of " + name);
            writable().put(key(name), List.of(value));
        }

        void remove(String name) {
            writable().remove(key(name));
        }

        MultiValues build() {
            if (values.isEmpty()) {
                return caseInsensitive ? EMPTY_CASE_INSENSITIVE : EMPTY_CASE_SENSITIVE;
            }
            // Every stored list is already unmodifiable, so the map can be shared until the builder changes again.
            shared = true;
            return new MultiValues(Collections.unmodifiableMap(values), values, caseInsensitive);
        }
    }
}
