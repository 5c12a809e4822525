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
     * Checks the limits.
     *
     * @param maxBodyBytes    largest HTTP body or message payload, in bytes
     * @param maxBatchSize    largest number of records in one provider batch
     * @param maxJsonDepth    deepest JSON nesting accepted
     * @param maxStringLength longest JSON string value, in characters
     * @param maxNumberLength longest JSON number, in digits
     * @throws IllegalArgumentException if a limit is not positive
     */
    public Limits {
        if (maxBodyBytes <= 0 || maxBatchSize <= 0 || maxJsonDepth <= 0 || maxStringLength <= 0 || maxNumberLength <= 0) {
            throw new IllegalArgumentException("every limit must be positive: " + this);
        }
    }

    /**
     * Gives the limits used unless a function sets its own, which fit every provider's payload limits.
     *
     * @return 10 MiB bodies, batches of 10,000, JSON nested 200 deep, 10 Mi-character strings, 1,000-digit numbers
     */
    public static Limits defaults() {
        return DEFAULTS;
    }

    /**
     * Copies these limits with another largest body or message payload.
     *
     * @param bytes the largest body or payload, in bytes
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code bytes} is not positive
     */
    public Limits withMaxBodyBytes(long bytes) {
        return new Limits(bytes, maxBatchSize, maxJsonDepth, maxStringLength, maxNumberLength);
    }

    /**
     * Copies these limits with another largest provider batch.
     *
     * @param records the largest number of records in one batch
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code records} is not positive
     */
    public Limits withMaxBatchSize(int records) {
        return new Limits(maxBodyBytes, records, maxJsonDepth, maxStringLength, maxNumberLength);
    }

    /**
     * Copies these limits with another deepest JSON nesting.
     *
     * @param depth the deepest nesting accepted
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code depth} is not positive
     */
    public Limits withMaxJsonDepth(int depth) {
        return new Limits(maxBodyBytes, maxBatchSize, depth, maxStringLength, maxNumberLength);
    }

    /**
     * Copies these limits with another longest JSON string value.
     *
     * @param characters the longest string, in characters
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code characters} is not positive
     */
    public Limits withMaxStringLength(int characters) {
        return new Limits(maxBodyBytes, maxBatchSize, maxJsonDepth, characters, maxNumberLength);
    }

    /**
     * Copies these limits with another longest JSON number.
     *
     * @param digits the longest number, in digits
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code digits} is not positive
     */
    public Limits withMaxNumberLength(int digits) {
        return new Limits(maxBodyBytes, maxBatchSize, maxJsonDepth, maxStringLength, digits);
    }
}
