package dev.portablefn.api.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Names that each carry one or more values, in the order they arrived: what {@link HttpHeaders} and
 * {@link QueryParameters} have in common. Immutable. A name is looked up by a short scan of one array of names and
 * values (requests carry a handful), ignoring case for headers and exactly for query parameters; {@link #size()},
 * {@link #name(int)} and {@link #value(int)} walk every pair without building a map.
 */
public abstract sealed class MultiValues permits HttpHeaders, QueryParameters {

    static final String[] NO_ENTRIES = new String[0];
    /** Up to this many pairs {@link #asMap()} groups by scanning, which beats hashing for the handful requests carry. */
    static final int SCANNED_PAIRS = 16;

    /** Names and values interleaved (name 0, value 0, name 1, ...); shared with builders, never changed once built. */
    private final String[] namesAndValues;
    /** How many name/value pairs of {@link #namesAndValues} belong to these values. */
    private final int size;
    /** Whether names are compared ignoring case; they are then kept in lower case. */
    private final boolean ignoresCase;

    MultiValues(String[] namesAndValues, int size, boolean ignoresCase) {
        this.namesAndValues = namesAndValues;
        this.size = size;
        this.ignoresCase = ignoresCase;
    }

    /**
     * Gives the first value of a name.
     *
     * @param name a name; any case for headers
     * @return its first value, or empty when the name is absent
     */
    public Optional<String> first(String name) {
        int index = indexOf(name, 0);
        return index < 0 ? Optional.empty() : Optional.of(namesAndValues[2 * index + 1]);
    }

    /**
     * Gives every value of a name.
     *
     * @param name a name; any case for headers
     * @return its values in the order they arrived, unmodifiable; empty when the name is absent
     */
    public List<String> all(String name) {
        int index = indexOf(name, 0);
        if (index < 0) {
            return List.of();
        }
        int next = indexOf(name, index + 1);
        if (next < 0) {
            return List.of(namesAndValues[2 * index + 1]);
        }
        List<String> values = new ArrayList<>();
        values.add(namesAndValues[2 * index + 1]);
        for (int i = next; i >= 0; i = indexOf(name, i + 1)) {
            values.add(namesAndValues[2 * i + 1]);
        }
        return Collections.unmodifiableList(values);
    }

    /**
     * Tells whether a name has at least one value.
     *
     * @param name a name; any case for headers
     * @return whether it is present
     */
    public boolean contains(String name) {
        return indexOf(name, 0) >= 0;
    }

    /**
     * Counts the name/value pairs; a name with two values counts twice.
     *
     * @return the number of pairs, for walking them with {@link #name(int)} and {@link #value(int)}
     */
    public int size() {
        return size;
    }

    /**
     * Tells whether there are no values at all.
     *
     * @return whether {@link #size()} is zero
     */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * Gives the name of one pair, in arrival order.
     *
     * @param index a pair's position, from 0 to {@link #size()} - 1
     * @return its name (lower case for headers)
     * @throws IndexOutOfBoundsException if there is no such pair
     */
    public String name(int index) {
        return namesAndValues[2 * Objects.checkIndex(index, size)];
    }

    /**
     * Gives the value of one pair, in arrival order.
     *
     * @param index a pair's position, from 0 to {@link #size()} - 1
     * @return its value
     * @throws IndexOutOfBoundsException if there is no such pair
     */
    public String value(int index) {
        return namesAndValues[2 * Objects.checkIndex(index, size) + 1];
    }

    /**
     * Gives every name with its values, for code that wants a map; a small map over one array is made on each call.
     *
     * @return names (lower case for headers) to their values, in the order each name first arrived; unmodifiable
     */
    public Map<String, List<String>> asMap() {
        if (size == 0) {
            return Map.of();
        }
        if (size > SCANNED_PAIRS) {
            return hashed();
        }
        Object[] grouped = new Object[2 * size];   // each distinct name, then the list of its values
        int names = 0;
        for (int i = 0; i < size; i++) {
            String name = namesAndValues[2 * i];
            if (!collected(grouped, names, name)) {
                grouped[2 * names] = name;
                grouped[2 * names + 1] = valuesFrom(i);
                names++;
            }
        }
        return new GroupedMap(grouped, names);
    }

    /**
     * Groups many pairs through a hash map, in one pass: scanning for each name's earlier pairs would take a
     * number of comparisons that grows with the square of the pairs (a 64 KB query holds 20,000).
     */
    private Map<String, List<String>> hashed() {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            grouped.computeIfAbsent(namesAndValues[2 * i], name -> new ArrayList<>(1)).add(namesAndValues[2 * i + 1]);
        }
        grouped.replaceAll((name, values) -> Collections.unmodifiableList(values));
        return Collections.unmodifiableMap(grouped);
    }

    /** Tells whether an earlier pair's name, whose values are collected already, is this one. */
    private static boolean collected(Object[] grouped, int names, String name) {
        for (int j = 0; j < names; j++) {
            if (grouped[2 * j].equals(name)) {   // stored names are normalised: equals matches for headers too
                return true;
            }
        }
        return false;
    }

    /** Collects the values of the name of pair {@code first}, which is its first pair. */
    private List<String> valuesFrom(int first) {
        String name = namesAndValues[2 * first];
        List<String> values = null;
        for (int i = first + 1; i < size; i++) {
            if (namesAndValues[2 * i].equals(name)) {
                if (values == null) {
                    values = new ArrayList<>();
                    values.add(namesAndValues[2 * first + 1]);
                }
                values.add(namesAndValues[2 * i + 1]);
            }
        }
        // Most names have one value: an immutable one-element list is the cheapest holder.
        return values == null ? List.of(namesAndValues[2 * first + 1]) : Collections.unmodifiableList(values);
    }

    /** Finds the position of the first pair at or after {@code from} whose name matches, or -1. */
    private int indexOf(String name, int from) {
        Objects.requireNonNull(name, "name");
        for (int i = from; i < size; i++) {
            String stored = namesAndValues[2 * i];
            // Stored header names are lower case, so one case-insensitive compare matches any spelling of the name.
            if (stored == name || (ignoresCase ? stored.equalsIgnoreCase(name) : stored.equals(name))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Compares by content: the same kind of values (headers or query parameters) with the same values per name, in
     * the same order per name.
     *
     * @param other any object
     * @return whether it holds the same values
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other != null && other.getClass() == getClass() && asMap().equals(((MultiValues) other).asMap());
    }

    /**
     * Hashes the content, consistently with {@link #equals(Object)}.
     *
     * @return the hash of {@link #asMap()}
     */
    @Override
    public int hashCode() {
        return asMap().hashCode();
    }

    /**
     * Describes the values for logs and debugging.
     *
     * @return {@link #asMap()} as text
     */
    @Override
    public String toString() {
        return asMap().toString();
    }

    /** Header names servers and SDKs send capitalised on most requests, lower-cased once rather than per request. */
    private static final Map<String, String> COMMON_LOWER_CASE = commonLowerCase(
            "Accept", "Accept-Encoding", "Accept-Language", "Authorization", "Cache-Control", "Connection",
            "Content-Length", "Content-Type", "Cookie", "Host", "Location", "Origin", "Referer", "Set-Cookie",
            "User-Agent", "X-Forwarded-For", "X-Forwarded-Proto", "X-Cloud-Trace-Context", "Function-Execution-Id",
            "Traceparent");

    private static Map<String, String> commonLowerCase(String... names) {
        Map<String, String> lower = new java.util.HashMap<>();
        for (String name : names) {
            // Interned: the library looks names up with literals, which then match stored names by identity.
            String lowerCase = name.toLowerCase(Locale.ROOT).intern();
            lower.put(name, lowerCase);
            lower.put(lowerCase, lowerCase);   // names already in lower case keep one shared instance too
        }
        return Map.copyOf(lower);
    }

    private static String lowerCase(String name) {
        String common = COMMON_LOWER_CASE.get(name);
        return common != null ? common : name.toLowerCase(Locale.ROOT);
    }

    /**
     * Collects names and values for {@link HttpHeaders.Builder} and {@link QueryParameters.Builder}; every method
     * returns the builder it was called on, so calls chain.
     *
     * @param <B> the concrete builder
     */
    public abstract static sealed class Builder<B extends Builder<B>> permits HttpHeaders.Builder, QueryParameters.Builder {
        private String[] namesAndValues = NO_ENTRIES;
        private int size;
        /** Set while {@link #namesAndValues} is not this builder's own (empty, or handed to built values); the next change copies it. */
        private boolean shared = true;
        /** How many array slots this builder has copied so far: the work its growth costs, which stays linear. */
        private long copiedSlots;
        private final boolean ignoresCase;

        Builder(boolean ignoresCase) {
            this.ignoresCase = ignoresCase;
        }

        Builder(MultiValues from) {
            // Shared until this builder first changes it: a copy that is never modified costs nothing.
            this.namesAndValues = from.namesAndValues;
            this.size = from.size;
            this.ignoresCase = from.ignoresCase;
        }

        /**
         * Appends a value to a name, after any values it already has.
         *
         * @param name  a name; headers keep it in lower case
         * @param value the value to append
         * @return this builder
         * @throws NullPointerException if the name or value is {@code null}
         */
        public B add(String name, String value) {
            Objects.requireNonNull(value, () -> "value of " + name);
            append(stored(name), value);
            return self();
        }

        /**
         * Gives a name exactly one value: the first of its values is replaced where it stands and the others are
         * dropped; a new name is appended.
         *
         * @param name  a name; headers keep it in lower case
         * @param value the only value it will have
         * @return this builder
         * @throws NullPointerException if the name or value is {@code null}
         */
        public B set(String name, String value) {
            Objects.requireNonNull(value, () -> "value of " + name);
            String stored = stored(name);
            int first = indexOf(stored, 0);
            if (first < 0) {
                append(stored, value);
            } else {
                writable(size);
                namesAndValues[2 * first + 1] = value;
                removeFrom(stored, first + 1);
            }
            return self();
        }

        /**
         * Drops every value of a name.
         *
         * @param name a name; any case for headers
         * @return this builder
         */
        public B remove(String name) {
            removeFrom(stored(name), 0);
            return self();
        }

        /** Appends alternating names and values, as the {@code of(...)} factories take them. */
        B addPairs(String what, String... nameValuePairs) {
            if (nameValuePairs.length % 2 != 0) {
                throw new IllegalArgumentException(what + " need name/value pairs, got " + nameValuePairs.length + " strings");
            }
            for (int i = 0; i < nameValuePairs.length; i += 2) {
                add(nameValuePairs[i], nameValuePairs[i + 1]);
            }
            return self();
        }

        /** Counts the array slots copied so far, for tests that prove building stays linear. */
        long copiedSlots() {
            return copiedSlots;
        }

        /** Counts the pairs collected so far. */
        int pairs() {
            return size;
        }

        /** Hands the collected pairs to built values; the next change copies them first. */
        String[] handOver() {
            shared = true;
            return namesAndValues;
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        private void append(String stored, String value) {
            writable(size + 1);
            namesAndValues[2 * size] = stored;
            namesAndValues[2 * size + 1] = value;
            size++;
        }

        private String stored(String name) {
            Objects.requireNonNull(name, "name");
            return ignoresCase ? lowerCase(name) : name;
        }

        private int indexOf(String stored, int from) {
            for (int i = from; i < size; i++) {
                if (namesAndValues[2 * i].equals(stored)) {
                    return i;
                }
            }
            return -1;
        }

        private void removeFrom(String stored, int from) {
            int kept = from;
            for (int i = from; i < size; i++) {
                if (!namesAndValues[2 * i].equals(stored)) {
                    if (kept != i) {
                        writable(size);
                        namesAndValues[2 * kept] = namesAndValues[2 * i];
                        namesAndValues[2 * kept + 1] = namesAndValues[2 * i + 1];
                    }
                    kept++;
                }
            }
            if (kept < size) {
                writable(size);
                Arrays.fill(namesAndValues, 2 * kept, 2 * size, null);
                size = kept;
            }
        }

        /** Makes room for {@code pairs} pairs in an array of this builder's own. */
        private void writable(int pairs) {
            int needed = 2 * pairs;
            if (shared || needed > namesAndValues.length) {
                int length = needed <= namesAndValues.length ? namesAndValues.length
                        : Math.max(8, Integer.highestOneBit(needed - 1) << 1);
                copiedSlots += 2L * size;
                namesAndValues = Arrays.copyOf(namesAndValues, length);
                shared = false;
            }
        }
    }
}
