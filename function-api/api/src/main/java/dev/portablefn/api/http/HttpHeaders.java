package dev.portablefn.api.http;

/**
 * The headers of a request or response: names are case-insensitive (kept in lower case) and each name may have
 * several values, in the order received. Immutable; {@link #toBuilder()} makes a changed copy.
 */
public final class HttpHeaders extends MultiValues {

    private static final HttpHeaders EMPTY = new HttpHeaders(NO_ENTRIES, 0);

    private HttpHeaders(String[] namesAndValues, int size) {
        super(namesAndValues, size, true);
    }

    /**
     * Gives headers with no entries.
     *
     * @return the shared empty headers
     */
    public static HttpHeaders empty() {
        return EMPTY;
    }

    /**
     * Makes headers from alternating names and values.
     *
     * @param nameValuePairs alternating names and values, such as {@code "Content-Type", "text/plain"}
     * @return headers holding them, a repeated name keeping each value in order
     * @throws IllegalArgumentException if an odd number of strings is given
     */
    public static HttpHeaders of(String... nameValuePairs) {
        return builder().addPairs("headers", nameValuePairs).build();
    }

    /**
     * Starts headers from nothing.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a changed copy of these headers.
     *
     * @return a builder holding these headers
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Describes the headers for logs with credential values hidden (see {@link Redaction#standard()}).
     *
     * @return the headers as text, safe to log
     */
    @Override
    public String toString() {
        return Redaction.standard().headers(this).toString();
    }

    /** Builds {@link HttpHeaders}; names are kept in lower case. */
    public static final class Builder extends MultiValues.Builder<Builder> {

        private Builder() {
            super(true);
        }

        private Builder(HttpHeaders from) {
            super(from);
        }

        /**
         * Makes the headers collected so far; the builder can go on to make others.
         *
         * @return the headers
         */
        public HttpHeaders build() {
            int size = pairs();
            return size == 0 ? EMPTY : new HttpHeaders(handOver(), size);
        }
    }
}
