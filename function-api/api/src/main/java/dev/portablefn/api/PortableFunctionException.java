package dev.portablefn.api;

/**
 * The root of the library's few exception types. Functions may throw any exception; these
 * subtypes only tell the library how to classify a failure.
 */
public class PortableFunctionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that names the input and the fix.
     *
     * @param message what went wrong
     */
    public PortableFunctionException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and its cause.
     *
     * @param message what went wrong
     * @param cause   the underlying error
     */
    public PortableFunctionException(String message, Throwable cause) {
        super(message, cause);
    }
}
