package dev.portablefn.aws;

/**
 * Thrown out of the handler so Lambda records the invocation as failed and retries it (asynchronous
 * sources) or the whole batch (when a batch cannot be reported record by record).
 */
final class InvocationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvocationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
