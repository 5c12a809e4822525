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
        builder.values.putAll(values);
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
        private Map<String, List<String>> values = new LinkedHashMap<>();
        private final boolean caseInsensitive;
        /** Set once {@link #build()} handed {@link #values} out; the next change copies it first. */
        private boolean shared;

        Builder(boolean caseInsensitive) {
            this.caseInsensitive = caseInsensitive;
        }

        private String key(String name) {
            Objects.requireNonNull(name, "name");
            return caseInsensitive ? name.toLowerCase(Locale.ROOT) : name;
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
            return new MultiValues(Collections.unmodifiableMap(values), caseInsensitive);
        }
    }
}
