package dev.portablefn.api.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Immutable HTTP headers: names are case-insensitive (kept lower-case), each name may have several
 * values in the order received.
 */
public final class HttpHeaders {

    private static final HttpHeaders EMPTY = new HttpHeaders(MultiValues.EMPTY_CASE_INSENSITIVE);

    private final MultiValues values;

    private HttpHeaders(MultiValues values) {
        this.values = values;
    }

    /** @return headers with no entries */
    public static HttpHeaders empty() {
        return EMPTY;
    }

    /**
     * @param nameValuePairs alternating names and values, such as {@code "Content-Type", "text/plain"}
     * @return headers holding them
     * @throws IllegalArgumentException if an odd number of strings is given
     */
    public static HttpHeaders of(String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("headers need name/value pairs, got " + nameValuePairs.length + " strings");
        }
        Builder builder = builder();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            builder.add(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return builder.build();
    }

    /**
     * Headers over an adapter's own header map, read in place: looking up a header scans the map (requests carry a
     * handful), and the lower-cased copy behind {@link #asMap()} is made only if someone asks for it. This is how
     * adapters hand a provider's headers over without copying them on every request.
     *
     * @param headers names in any case to their values; must not change afterwards. {@code null} names and values
     *                are skipped; names that differ only in case are merged, in the map's order
     * @return headers reading that map
     */
    public static HttpHeaders view(Map<String, ? extends List<String>> headers) {
        return wrap(MultiValues.view(headers));
    }

    /**
     * Like {@link #view(Map)}, for providers that hand over one value per header name, lower-cased (Azure's host
     * lower-cases every name it passes to the worker): a lookup tries the lower-cased name directly, and scans the
     * map for other spellings only when that misses.
     *
     * @param headers names, normally in lower case, to their value; must not change afterwards. {@code null} names
     *                and values are skipped
     * @return headers reading that map
     */
    public static HttpHeaders viewSingleValued(Map<String, String> headers) {
        return wrap(MultiValues.view(headers, true));
    }

    /**
     * Like {@link #view(Map)}, for providers whose header map is costly to get but which give the {@code Content-Type}
     * on its own (the Functions Framework builds a new map on every {@code getHeaders()} call, and reads the content
     * type straight from the server's request): the map is asked for on the first lookup of another header, or when
     * all headers are asked for, so a request whose function reads no other header (binding a JSON body checks only
     * the content type) never builds it.
     *
     * @param headers     gives the request's headers as {@link #view(Map)} takes them; called on first need (racing
     *                    threads may both call it), must give the same headers every time
     * @param contentType the request's first {@code Content-Type} value, or {@code null} when it has none; must
     *                    agree with the map
     * @return headers reading that map once it is needed
     */
    public static HttpHeaders lazyView(Supplier<? extends Map<String, ? extends List<String>>> headers, String contentType) {
        return new HttpHeaders(MultiValues.lazyView(headers, "content-type", contentType));
    }

    /** The shared empty instance for no values, so {@code isSameAs(empty())} holds however headers were made. */
    private static HttpHeaders wrap(MultiValues values) {
        return values.isEmptyAsBuilt() ? EMPTY : new HttpHeaders(values);
    }

    /** @return a builder for headers */
    public static Builder builder() {
        return new Builder(new MultiValues.Builder(true));
    }

    /**
     * @param name a header name, any case
     * @return its first value
     */
    public Optional<String> first(String name) {
        return values.first(name);
    }

    /**
     * @param name a header name, any case
     * @return all its values, empty when absent
     */
    public List<String> all(String name) {
        return values.all(name);
    }

    /**
     * @param name a header name, any case
     * @return whether it is present
     */
    public boolean contains(String name) {
        return values.contains(name);
    }

    /** @return lower-case names to their values, unmodifiable, in arrival order */
    public Map<String, List<String>> asMap() {
        return values.asMap();
    }

    /** @return whether there are no headers */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** @return a builder holding these headers */
    public Builder toBuilder() {
        return new Builder(values.toBuilder());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpHeaders that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** @return the headers with credential values hidden (see {@link Redaction#standard()}), safe to log */
    @Override
    public String toString() {
        return Redaction.standard().headers(this).toString();
    }

    /** Builds {@link HttpHeaders}. */
    public static final class Builder {
        private final MultiValues.Builder values;

        private Builder(MultiValues.Builder values) {
            this.values = values;
        }

        /**
         * @param name a header name
         * @param value a value to append
         * @return this builder
         */
        public Builder add(String name, String value) {
            values.add(name, value);
            return this;
        }

        /**
         * @param name a header name
         * @param value the only value it will have
         * @return this builder
         */
        public Builder set(String name, String value) {
            values.set(name, value);
            return this;
        }

        /**
         * @param name a header name to drop
         * @return this builder
         */
        public Builder remove(String name) {
            values.remove(name);
            return this;
        }

        /** @return the headers */
        public HttpHeaders build() {
            return wrap(values.build());
        }
    }
}
