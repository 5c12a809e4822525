package dev.portablefn.api;

/**
 * Safety limits applied to input before a function sees it. The defaults suit every provider's own
 * payload limits; raise them deliberately. Exceeding a limit is a {@link PermanentFailure}
 * (HTTP 413 for a body, 400 for JSON shape), never a crash or a silent truncation.
 *
 * @param maxBodyBytes    largest HTTP body or message payload, in bytes
 * @param maxBatchSize    largest number of records in one provider batch
 * @param maxJsonDepth    deepest JSON nesting accepted
 * @param maxStringLength longest JSON string value, in characters
 * @param maxNumberLength longest JSON number, in digits
 */
public record Limits(long maxBodyBytes, int maxBatchSize, int maxJsonDepth, int maxStringLength, int maxNumberLength) {

    private static final Limits DEFAULTS = new Limits(10L * 1024 * 1024, 10_000, 200, 10 * 1024 * 1024, 1000);

    /**
     * @throws IllegalArgumentException if a limit is not positive
     */
    public Limits {
        if (maxBodyBytes <= 0 || maxBatchSize <= 0 || maxJsonDepth <= 0 || maxStringLength <= 0 || maxNumberLength <= 0) {
            throw new IllegalArgumentException("every limit must be positive: " + this);
        }
    }

    /** @return 10 MiB bodies, batches of 10,000, JSON nested 200 deep, 10 Mi-character strings, 1,000-digit numbers */
    public static Limits defaults() {
        return DEFAULTS;
    }

    /**
     * @param bytes the largest body or payload
     * @return a copy with that limit
     */
    public Limits withMaxBodyBytes(long bytes) {
        return new Limits(bytes, maxBatchSize, maxJsonDepth, maxStringLength, maxNumberLength);
    }

    /**
     * @param records the largest batch
     * @return a copy with that limit
     */
    public Limits withMaxBatchSize(int records) {
        return new Limits(maxBodyBytes, records, maxJsonDepth, maxStringLength, maxNumberLength);
    }

    /**
     * @param depth the deepest nesting
     * @return a copy with that limit
     */
    public Limits withMaxJsonDepth(int depth) {
        return new Limits(maxBodyBytes, maxBatchSize, depth, maxStringLength, maxNumberLength);
    }

    /**
     * @param characters the longest string
     * @return a copy with that limit
     */
    public Limits withMaxStringLength(int characters) {
        return new Limits(maxBodyBytes, maxBatchSize, maxJsonDepth, characters, maxNumberLength);
    }

    /**
     * @param digits the longest number
     * @return a copy with that limit
     */
    public Limits withMaxNumberLength(int digits) {
        return new Limits(maxBodyBytes, maxBatchSize, maxJsonDepth, maxStringLength, digits);
    }
}
