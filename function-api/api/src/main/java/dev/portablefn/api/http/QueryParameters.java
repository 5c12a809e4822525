package dev.portablefn.api.http;

/**
 * The query-string parameters of a request: names are case-sensitive and already URL-decoded, and each name may
 * have several values, in the order received. Immutable; {@link #toBuilder()} makes a changed copy.
 */
public final class QueryParameters extends MultiValues {

    private static final QueryParameters EMPTY = new QueryParameters(NO_ENTRIES, 0);

    private QueryParameters(String[] namesAndValues, int size) {
        super(namesAndValues, size, false);
    }

    /**
     * Gives parameters with no entries.
     *
     * @return the shared empty parameters
     */
    public static QueryParameters empty() {
        return EMPTY;
    }

    /**
     * Makes parameters from alternating names and values.
     *
     * @param nameValuePairs alternating decoded names and values, such as {@code "page", "2"}
     * @return parameters holding them, a repeated name keeping each value in order
     * @throws IllegalArgumentException if an odd number of strings is given
     */
    public static QueryParameters of(String... nameValuePairs) {
        return builder().addPairs("query parameters", nameValuePairs).build();
    }

    /**
     * Starts parameters from nothing.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a changed copy of these parameters.
     *
     * @return a builder holding these parameters
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds {@link QueryParameters}; names are kept exactly as given. */
    public static final class Builder extends MultiValues.Builder<Builder> {

        private Builder() {
            super(false);
        }

        private Builder(QueryParameters from) {
            super(from);
        }

        /**
         * Makes the parameters collected so far; the builder can go on to make others.
         *
         * @return the parameters
         */
        public QueryParameters build() {
            int size = pairs();
            return size == 0 ? EMPTY : new QueryParameters(handOver(), size);
        }
    }
}
