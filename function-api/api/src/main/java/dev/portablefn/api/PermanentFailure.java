package dev.portablefn.api;

/**
 * A failure that retrying cannot fix: the input is wrong or refers to something that does not
 * exist. Events go to the dead-letter path without burning retries where the provider allows it;
 * HTTP requests get a 4xx {@code application/problem+json} response whose detail is this
 * exception's message, so write it for the caller.
 */
public class PermanentFailure extends PortableFunctionException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * A permanent failure reported to HTTP callers as 400 Bad Request.
     *
     * @param message what is wrong with the input, written for the caller
     */
    public PermanentFailure(String message) {
        this(400, message, null);
    }

    /**
     * A permanent failure reported to HTTP callers as 400 Bad Request.
     *
     * @param message what is wrong with the input, written for the caller
     * @param cause   the underlying error, logged but never sent to an HTTP caller
     */
    public PermanentFailure(String message, Throwable cause) {
        this(400, message, cause);
    }

    /**
     * A permanent failure with the HTTP status to report it with.
     *
     * @param status  a 4xx status such as 404 or 409
     * @param message what is wrong, written for the caller
     * @param cause   the underlying error or {@code null}
     * @throws IllegalArgumentException if {@code status} is not a 4xx status
     */
    public PermanentFailure(int status, String message, Throwable cause) {
        super(message, cause);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("a permanent failure needs a 4xx status, got " + status);
        }
        this.status = status;
    }

    /**
     * A permanent failure reported to HTTP callers with the given 4xx status.
     *
     * @param status  a 4xx status such as 404 or 409
     * @param message what is wrong, written for the caller
     * @return the failure, to throw
     */
    public static PermanentFailure withStatus(int status, String message) {
        return new PermanentFailure(status, message, null);
    }

    /**
     * Tells the HTTP status this failure is reported to callers with.
     *
     * @return a 4xx status
     */
    public int status() {
        return status;
    }
}
