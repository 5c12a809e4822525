package dev.portablefn.api.http;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** The immutable multi-valued map behind {@link HttpHeaders} and {@link QueryParameters}. */
final class MultiValues {

    static final MultiValues EMPTY_CASE_SENSITIVE = new MultiValues(ArrayMap.EMPTY, false);
    static final MultiValues EMPTY_CASE_INSENSITIVE = new MultiValues(ArrayMap.EMPTY, true);

    /**
     * Unmodifiable, in arrival order; its table is handed to builders copy-on-write and never modified once built.
     * {@code null} until first needed when these values are a {@linkplain #view view} of a provider's map.
     * Filled at most once per thread without locking: every thread builds an equal map, and its fields are final.
     */
    private ArrayMap values;
    /**
     * The provider's map this is a view of, or {@code null}: given, or asked of {@link #sourceSupplier} on first need
     * (racing threads may both ask; every answer is an equal map, and {@link Source}'s fields are final). Read in
     * place by {@link #first} and {@link #contains}.
     */
    private Source source;
    private final Supplier<? extends Map<String, ?>> sourceSupplier;
    /** A name whose first value the provider gave without its map (lower case), or {@code null}; see {@link #presetValue}. */
    private final String presetName;
    private final String presetValue;
    private final boolean caseInsensitive;

    /**
     * A provider's map with how to look it up; values are {@code List<String>} or single {@code String}s.
     *
     * @param ignoresCase    whether the map is itself keyed case-insensitively (the Functions Framework hands
     *                       headers over in a {@code TreeMap} ordered by {@link String#CASE_INSENSITIVE_ORDER}), so a
     *                       lookup needs no scan
     * @param lowerCaseNames whether the provider sends names in lower case, one entry per name (Azure's host), so a
     *                       lookup of the lower-cased name answers without a scan; other spellings are still scanned
     *                       for when it misses
     */
    private record Source(Map<String, ?> map, boolean ignoresCase, boolean lowerCaseNames) {
        static Source of(Map<String, ?> map, boolean lowerCaseNames) {
            // TreeMap, not SortedMap: a class check is a compare, a missed interface check a scan of the map's interfaces.
            return new Source(map, map instanceof TreeMap<?, ?> sorted && sorted.comparator() == String.CASE_INSENSITIVE_ORDER,
                    lowerCaseNames);
        }
    }

    private MultiValues(ArrayMap values, boolean caseInsensitive) {
        this.values = values;
        this.source = null;
        this.sourceSupplier = null;
        this.presetName = null;
        this.presetValue = null;
        this.caseInsensitive = caseInsensitive;
    }

    private MultiValues(Source source, Supplier<? extends Map<String, ?>> sourceSupplier, String presetName,
                        String presetValue) {
        this.source = source;
        this.sourceSupplier = sourceSupplier;
        this.presetName = presetName;
        this.presetValue = presetValue;
        this.caseInsensitive = true;
    }

    /**
     * Case-insensitive values read from a provider's header map in place: single lookups scan it (a request has a
     * handful of headers), and the lower-cased copy is built only when the whole map is asked for. The map and its
     * lists must not change afterwards; {@code null} names and values in it are skipped. Values are lists of strings
     * or single strings.
     */
    static MultiValues view(Map<String, ?> source) {
        return view(source, false);
    }

    /**
     * Like {@link #view(Map)}; with {@code lowerCaseNames}, for a provider that sends names in lower case with one
     * entry per name, a lookup tries the lower-cased name before scanning.
     */
    static MultiValues view(Map<String, ?> source, boolean lowerCaseNames) {
        Objects.requireNonNull(source, "headers");
        return source.isEmpty() ? EMPTY_CASE_INSENSITIVE : new MultiValues(Source.of(source, lowerCaseNames), null, null, null);
    }

    /**
     * Like {@link #view(Map)} over a map asked for only when a lookup needs it: a lookup of {@code presetName}
     * (given in lower case) answers {@code presetValue} (its first value, or {@code null} for none) without the map.
     */
    static MultiValues lazyView(Supplier<? extends Map<String, ?>> source, String presetName, String presetValue) {
        Objects.requireNonNull(source, "headers");
        return new MultiValues(null, source, Objects.requireNonNull(presetName, "preset name"), presetValue);
    }

    private Source source() {
        Source known = source;
        if (known == null) {
            known = Source.of(Objects.requireNonNull(sourceSupplier.get(), "the header source gave no map"), false);
            source = known;
        }
        return known;
    }

    private ArrayMap values() {
        ArrayMap built = values;
        if (built == null) {
            Builder builder = new Builder(true);
            source().map().forEach((name, values) -> {
                if (name == null) {
                    return;
                }
                if (values instanceof String single) {
                    builder.add(name, single);
                } else if (values instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        if (list.get(i) instanceof String value) {
                            builder.add(name, value);
                        }
                    }
                }
            });
            built = builder.build().values;
            values = built;
        }
        return built;
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
            String lowerCase = name.toLowerCase(Locale.ROOT);
            lower.put(name, lowerCase);
            lower.put(lowerCase, lowerCase);   // lookups with lower-case constants skip the scan too
        }
        return Map.copyOf(lower);
    }

    static String lowerCase(String name) {
        String common = COMMON_LOWER_CASE.get(name);
        return common != null ? common : name.toLowerCase(Locale.ROOT);
    }

    Optional<String> first(String name) {
        if (values == null) {
            return Optional.ofNullable(firstInSource(Objects.requireNonNull(name, "name")));
        }
        List<String> all = values.get(key(name));
        return all == null || all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * The first non-null value under any spelling of the name, in the source's order (for a source whose names are
     * lower case, under the lower-cased name first), without copying anything.
     */
    private String firstInSource(String name) {
        if (presetName != null && (presetName == name   // the library's own lookups pass the same constant
                || presetName.length() == name.length() && presetName.equalsIgnoreCase(name))) {
            return presetValue;
        }
        Source source = source();
        if (source.ignoresCase()) {
            return firstOf(source.map().get(name));
        }
        if (source.lowerCaseNames()) {
            String direct = firstOf(source.map().get(name));   // the library asks in lower case already
            if (direct == null) {
                String lower = lowerCase(name);
                direct = lower.equals(name) ? null : firstOf(source.map().get(lower));
            }
            if (direct != null) {
                return direct;
            }
        }
        for (Map.Entry<String, ?> entry : source.map().entrySet()) {
            String key = entry.getKey();
            if (key != null && key.length() == name.length() && key.equalsIgnoreCase(name)) {
                String first = firstOf(entry.getValue());
                if (first != null) {
                    return first;
                }
            }
        }
        return null;
    }

    /** @return the first non-null string of a source value (a string or a list of them), or {@code null} */
    private static String firstOf(Object values) {
        if (values instanceof String single) {
            return single;
        }
        if (values instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof String value) {
                    return value;
                }
            }
        }
        return null;
    }

    List<String> all(String name) {
        List<String> all = values().get(key(name));
        return all == null ? List.of() : all;
    }

    boolean contains(String name) {
        if (values == null) {
            return firstInSource(Objects.requireNonNull(name, "name")) != null;
        }
        return values.containsKey(key(name));
    }

    Map<String, List<String>> asMap() {
        return values();
    }

    boolean isEmpty() {
        return values().isEmpty();
    }

    /** @return whether this is one of the shared empty instances (a view is never one, even of a map of nulls) */
    boolean isEmptyAsBuilt() {
        return this == EMPTY_CASE_INSENSITIVE || this == EMPTY_CASE_SENSITIVE;
    }

    Builder toBuilder() {
        ArrayMap own = values();
        Builder builder = new Builder(caseInsensitive);
        if (!own.isEmpty()) {
            // Shared until the builder first changes it: a copy that is never modified costs nothing.
            builder.table = own.table;
            builder.size = own.size;
            builder.shared = true;
        }
        return builder;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MultiValues that && values().equals(that.values()) && caseInsensitive == that.caseInsensitive;
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return values().toString();
    }

    static final class Builder {
        /** Names and values interleaved; starts as the shared empty table, so a builder nobody adds to allocates nothing. */
        private Object[] table = ArrayMap.NO_ENTRIES;
        private int size;
        private final boolean caseInsensitive;
        /** Set while {@link #table} is not this builder's own (empty, or handed out by {@link #build()}); the next change copies it first. */
        private boolean shared = true;

        Builder(boolean caseInsensitive) {
            this.caseInsensitive = caseInsensitive;
        }

        private String key(String name) {
            Objects.requireNonNull(name, "name");
            return caseInsensitive ? lowerCase(name) : name;
        }

        private void writable(int entries) {
            if (shared || entries * 2 > table.length) {
                table = Arrays.copyOf(table, Math.max(table.length, Math.max(16, Integer.highestOneBit(entries * 2 - 1) << 1)));
                shared = false;
            }
        }

        void add(String name, String value) {
            Objects.requireNonNull(value, () -> "value of " + name);
            String key = key(name);
            int index = ArrayMap.indexOf(table, size, key);
            if (index < 0) {
                writable(size + 1);
                // Most headers have one value: an immutable one-element list is the cheapest holder.
                table[2 * size] = key;
                table[2 * size + 1] = List.of(value);
                size++;
            } else {
                @SuppressWarnings("unchecked")
                List<String> existing = (List<String>) table[2 * index + 1];
                List<String> grown = new ArrayList<>(existing.size() + 1);
                grown.addAll(existing);
                grown.add(value);
                writable(size);
                table[2 * index + 1] = Collections.unmodifiableList(grown);
            }
        }

        void set(String name, String value) {
            Objects.requireNonNull(value, () -> "value of " + name);
            String key = key(name);
            int index = ArrayMap.indexOf(table, size, key);
            if (index < 0) {
                writable(size + 1);
                table[2 * size] = key;
                table[2 * size + 1] = List.of(value);
                size++;
            } else {
                writable(size);
                table[2 * index + 1] = List.of(value);
            }
        }

        void remove(String name) {
            int index = ArrayMap.indexOf(table, size, key(name));
            if (index >= 0) {
                writable(size);
                System.arraycopy(table, 2 * index + 2, table, 2 * index, 2 * (size - index - 1));
                size--;
                table[2 * size] = null;
                table[2 * size + 1] = null;
            }
        }

        MultiValues build() {
            if (size == 0) {
                return caseInsensitive ? EMPTY_CASE_INSENSITIVE : EMPTY_CASE_SENSITIVE;
            }
            // Every stored list is already unmodifiable, so the table can be shared until the builder changes again.
            shared = true;
            return new MultiValues(new ArrayMap(table, size), caseInsensitive);
        }
    }

    /**
     * An unmodifiable map in arrival order over one array of names and values. Header and query maps are small,
     * so a scan finds a name as fast as hashing would, and the map costs one array instead of an entry per name.
     */
    static final class ArrayMap extends AbstractMap<String, List<String>> {
        static final Object[] NO_ENTRIES = new Object[0];
        static final ArrayMap EMPTY = new ArrayMap(NO_ENTRIES, 0);

        private final Object[] table;
        private final int size;

        ArrayMap(Object[] table, int size) {
            this.table = table;
            this.size = size;
        }

        static int indexOf(Object[] table, int size, Object key) {
            if (key == null) {
                return -1;
            }
            int hash = key.hashCode();
            for (int i = 0; i < size; i++) {
                Object name = table[2 * i];
                if (name == key || name.hashCode() == hash && name.equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<String> get(Object key) {
            int index = indexOf(table, size, key);
            return index < 0 ? null : (List<String>) table[2 * index + 1];
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(table, size, key) >= 0;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean isEmpty() {
            return size == 0;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void forEach(BiConsumer<? super String, ? super List<String>> action) {
            for (int i = 0; i < size; i++) {
                action.accept((String) table[2 * i], (List<String>) table[2 * i + 1]);
            }
        }

        @Override
        public Set<Map.Entry<String, List<String>>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, List<String>>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        @SuppressWarnings("unchecked")
                        public Map.Entry<String, List<String>> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>((String) table[2 * i], (List<String>) table[2 * i + 1]);
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
    }
}
