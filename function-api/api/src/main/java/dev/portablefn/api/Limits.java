package dev.portablefn.api;

/**
 * Safety limits applied to input before a function sees it. The defaults suit every provider's own
 * payload limits; raise them deliberately. Exceeding a limit is a {@link PermanentFailure}, never a crash
 * or a silent truncation: HTTP 413 for a body, 400 for JSON shape and for too many query parameters,
 * 431 for too many headers.
 *
 * <p>The defaults, and why:
 * <ul>
 *   <li>10 MiB bodies: API Gateway's payload limit and Cloud Functions' (1st gen) request limit;</li>
 *   <li>10,000 records per batch: Lambda's largest SQS batch;</li>
 *   <li>JSON nested 200 deep, numbers of 1,000 digits, strings of 20 Mi characters: twice the body limit, so a
 *       provider envelope carrying a body as one string (AWS, base64 growing it by a third) is read, and a body
 *       over the limit is answered 413 rather than refused as unreadable JSON;</li>
 *   <li>1,000 query parameters: Jetty's default form-key limit (Jetty serves the Functions Framework);</li>
 *   <li>200 request headers: twice what Azure's front end (Kestrel) and Tomcat accept by default, far above what
 *       API Gateway's 10 KB of request headers leaves room for in practice.</li>
 * </ul>
 * The adapters check the query and header counts as they build the request (the Functions Framework and Azure
 * adapters when the function first reads the headers or query), so a request of 20,000 {@code a=&} pairs
 * costs a count, not a function's worth of work.
 *
 * @param maxBodyBytes       largest HTTP body or message payload, in bytes
 * @param maxBatchSize       largest number of records in one provider batch
 * @param maxJsonDepth       deepest JSON nesting accepted
 * @param maxStringLength    longest JSON string value, in characters
 * @param maxNumberLength    longest JSON number, in digits
 * @param maxQueryParameters most query parameters (name/value pairs, a repeated name counting each time) in one request
 * @param maxHeaders         most header values (a repeated name counting each time) in one request
 */
public record Limits(long maxBodyBytes, int maxBatchSize, int maxJsonDepth, int maxStringLength, int maxNumberLength,
                     int maxQueryParameters, int maxHeaders) {

    private static final Limits DEFAULTS = new Limits(10L * 1024 * 1024, 10_000, 200, 20 * 1024 * 1024, 1000,
            1000, 200);

    /**
     * Checks the limits.
     *
     * @param maxBodyBytes       largest HTTP body or message payload, in bytes
     * @param maxBatchSize       largest number of records in one provider batch
     * @param maxJsonDepth       deepest JSON nesting accepted
     * @param maxStringLength    longest JSON string value, in characters
     * @param maxNumberLength    longest JSON number, in digits
     * @param maxQueryParameters most query parameters in one request
     * @param maxHeaders         most header values in one request
     * @throws IllegalArgumentException if a limit is not positive
     */
    public Limits {
        if (maxBodyBytes <= 0 || maxBatchSize <= 0 || maxJsonDepth <= 0 || maxStringLength <= 0 || maxNumberLength <= 0
                || maxQueryParameters <= 0 || maxHeaders <= 0) {
            throw new IllegalArgumentException("every limit must be positive: " + this);
        }
    }

    /**
     * Gives the limits used unless a function sets its own, which fit every provider's payload limits.
     *
     * @return 10 MiB bodies, batches of 10,000, JSON nested 200 deep, 10 Mi-character strings, 1,000-digit numbers,
     *         1,000 query parameters and 200 headers
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
        return new Limits(bytes, maxBatchSize, maxJsonDepth, maxStringLength, maxNumberLength, maxQueryParameters,
                maxHeaders);
    }

    /**
     * Copies these limits with another largest provider batch.
     *
     * @param records the largest number of records in one batch
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code records} is not positive
     */
    public Limits withMaxBatchSize(int records) {
        return new Limits(maxBodyBytes, records, maxJsonDepth, maxStringLength, maxNumberLength, maxQueryParameters,
                maxHeaders);
    }

    /**
     * Copies these limits with another deepest JSON nesting.
     *
     * @param depth the deepest nesting accepted
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code depth} is not positive
     */
    public Limits withMaxJsonDepth(int depth) {
        return new Limits(maxBodyBytes, maxBatchSize, depth, maxStringLength, maxNumberLength, maxQueryParameters,
                maxHeaders);
    }

    /**
     * Copies these limits with another longest JSON string value.
     *
     * @param characters the longest string, in characters
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code characters} is not positive
     */
    public Limits withMaxStringLength(int characters) {
        return new Limits(maxBodyBytes, maxBatchSize, maxJsonDepth, characters, maxNumberLength, maxQueryParameters,
                maxHeaders);
    }

    /**
     * Copies these limits with another longest JSON number.
     *
     * @param digits the longest number, in digits
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code digits} is not positive
     */
    public Limits withMaxNumberLength(int digits) {
        return new Limits(maxBodyBytes, maxBatchSize, maxJsonDepth, maxStringLength, digits, maxQueryParameters,
                maxHeaders);
    }

    /**
     * Copies these limits with another largest number of query parameters per request; a request with more is
     * answered 400.
     *
     * @param parameters the most name/value pairs in one query, a repeated name counting each time
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code parameters} is not positive
     */
    public Limits withMaxQueryParameters(int parameters) {
        return new Limits(maxBodyBytes, maxBatchSize, maxJsonDepth, maxStringLength, maxNumberLength, parameters,
                maxHeaders);
    }

    /**
     * Copies these limits with another largest number of headers per request; a request with more is answered 431.
     *
     * @param headers the most header values in one request, a repeated name counting each time
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code headers} is not positive
     */
    public Limits withMaxHeaders(int headers) {
        return new Limits(maxBodyBytes, maxBatchSize, maxJsonDepth, maxStringLength, maxNumberLength,
                maxQueryParameters, headers);
    }
}
