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
    private final boolean caseInsensitive;

    private MultiValues(Map<String, List<String>> values, boolean caseInsensitive) {
        this.values = values;
        this.caseInsensitive = caseInsensitive;
    }

    String key(String name) {
        Objects.requireNonNull(name, "name");
        return caseInsensitive ? name.toLowerCase(Locale.ROOT) : name;
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
        values.forEach((name, list) -> builder.values.put(name, new ArrayList<>(list)));
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
        private final Map<String, List<String>> values = new LinkedHashMap<>();
        private final boolean caseInsensitive;

        Builder(boolean caseInsensitive) {
            this.caseInsensitive = caseInsensitive;
        }

        private String key(String name) {
            Objects.requireNonNull(name, "name");
            return caseInsensitive ? name.toLowerCase(Locale.ROOT) : name;
        }

        void add(String name, String value) {
            values.computeIfAbsent(key(name), k -> new ArrayList<>(1)).add(Objects.requireNonNull(value, "value of " + name));
        }

        void set(String name, String value) {
            List<String> list = new ArrayList<>(1);
            list.add(Objects.requireNonNull(value, "value of " + name));
            values.put(key(name), list);
        }

        void remove(String name) {
            values.remove(key(name));
        }

        MultiValues build() {
            if (values.isEmpty()) {
                return caseInsensitive ? EMPTY_CASE_INSENSITIVE : EMPTY_CASE_SENSITIVE;
            }
            Map<String, List<String>> copy = new LinkedHashMap<>(values.size() * 2);
            values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
            return new MultiValues(Collections.unmodifiableMap(copy), caseInsensitive);
        }
    }
}
