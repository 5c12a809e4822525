package dev.portablefn.api.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Immutable query-string parameters: names are case-sensitive and already URL-decoded; each name may
 * have several values in the order received.
 */
public final class QueryParameters {

    private static final QueryParameters EMPTY = new QueryParameters(MultiValues.EMPTY_CASE_SENSITIVE);

    private final MultiValues values;

    private QueryParameters(MultiValues values) {
        this.values = values;
    }

    /** @return parameters with no entries */
    public static QueryParameters empty() {
        return EMPTY;
    }

    /**
     * @param nameValuePairs alternating names and values, such as {@code "page", "2"}
     * @return parameters holding them
     * @throws IllegalArgumentException if an odd number of strings is given
     */
    public static QueryParameters of(String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("query parameters need name/value pairs, got " + nameValuePairs.length + " strings");
        }
        Builder builder = builder();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            builder.add(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return builder.build();
    }

    /** @return a builder for parameters */
    public static Builder builder() {
        return new Builder(new MultiValues.Builder(false));
    }

    /**
     * @param name a parameter name
     * @return its first value
     */
    public Optional<String> first(String name) {
        return values.first(name);
    }

    /**
     * @param name a parameter name
     * @return all its values, empty when absent
     */
    public List<String> all(String name) {
        return values.all(name);
    }

    /**
     * @param name a parameter name
     * @return whether it is present
     */
    public boolean contains(String name) {
        return values.contains(name);
    }

    /** @return names to their values, unmodifiable, in arrival order */
    public Map<String, List<String>> asMap() {
        return values.asMap();
    }

    /** @return whether there are no parameters */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** @return a builder holding these parameters */
    public Builder toBuilder() {
        return new Builder(values.toBuilder());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QueryParameters that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Builds {@link QueryParameters}. */
    public static final class Builder {
        private final MultiValues.Builder values;

        private Builder(MultiValues.Builder values) {
            this.values = values;
        }

        /**
         * @param name a parameter name
         * @param value a value to append
         * @return this builder
         */
        public Builder add(String name, String value) {
            values.add(name, value);
            return this;
        }

        /**
         * @param name a parameter name
         * @param value the only value it will have
         * @return this builder
         */
        public Builder set(String name, String value) {
            values.set(name, value);
            return this;
        }

        /**
         * @param name a parameter name to drop
         * @return this builder
         */
        public Builder remove(String name) {
            values.remove(name);
            return this;
        }

        /** @return the parameters */
        public QueryParameters build() {
            MultiValues built = values.build();
            return built.isEmpty() ? EMPTY : new QueryParameters(built);
        }
    }
}
