package dev.portablefn.api;

/**
 * A failure worth trying again: a dependency timed out, a lock was busy, a rate limit was hit.
 * Events are redelivered by the provider; HTTP requests get a 503 without details.
 */
public class RetryableException extends PortableFunctionException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates a failure that asks for the event to be redelivered or the request answered with 503.
     *
     * @param message what went wrong, for the logs (never sent to an HTTP client)
     */
    public RetryableException(String message) {
        super(message);
    }

    /**
     * Creates a failure worth retrying, keeping the error that caused it.
     *
     * @param message what went wrong, for the logs (never sent to an HTTP client)
     * @param cause   the underlying error
     */
    public RetryableException(String message, Throwable cause) {
        super(message, cause);
    }
}
