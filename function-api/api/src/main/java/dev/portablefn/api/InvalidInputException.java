package dev.portablefn.api;

import java.util.List;

/**
 * Input that does not bind to the expected type or breaks its validation constraints. Reported to
 * HTTP callers as 400 problem+json listing {@link #violations()}; events are not retried.
 */
public final class InvalidInputException extends PermanentFailure {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /**
     * Creates the failure for input that is invalid, reported to HTTP callers as 400 Bad Request.
     *
     * @param message    a summary naming the input, such as {@code "body is not a valid Course"}
     * @param violations each field that is wrong, possibly empty
     * @param cause      the underlying error or {@code null}
     */
    public InvalidInputException(String message, List<Violation> violations, Throwable cause) {
        this(400, message, violations, cause);
    }

    /**
     * Creates the failure for invalid input with the 4xx status to report it with.
     *
     * @param status     the 4xx status to report to HTTP callers (400, 413, 415)
     * @param message    a summary naming the input
     * @param violations each field that is wrong, possibly empty
     * @param cause      the underlying error or {@code null}
     * @throws IllegalArgumentException if {@code status} is not a 4xx status
     */
    public InvalidInputException(int status, String message, List<Violation> violations, Throwable cause) {
        super(status, message, cause);
        this.violations = List.copyOf(violations);
    }

    /**
     * Lists what is wrong with the input, field by field, as reported to an HTTP caller.
     *
     * @return the fields that are wrong and why, in a stable order; unmodifiable, possibly empty
     */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * One wrong field.
     *
     * @param field   the property path, such as {@code "price"} or {@code "lessons[2].title"}
     * @param message why it is wrong, such as {@code "must be greater than 0"}
     */
    public record Violation(String field, String message) {
    }
}
