package dev.portablefn.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portablefn.api.InvalidInputException.Violation;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response the library writes
 * ({@code application/problem+json}).
 *
 * @param type   a URI naming the problem kind; {@code about:blank} when the status says it all
 * @param title  the status's short description
 * @param status the HTTP status
 * @param detail what went wrong for this request, written for the caller, or {@code null}
 * @param errors the fields that were wrong, empty unless the input failed binding or validation
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Violation> errors) {

    /** The media type of a problem body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * Makes a problem; {@code null} errors become an empty list.
     *
     * @param type   a URI naming the problem kind; {@code about:blank} when the status says it all
     * @param title  the status's short description
     * @param status the HTTP status
     * @param detail what went wrong for this request, written for the caller, or {@code null}
     * @param errors the fields that were wrong, empty unless the input failed binding or validation
     * @throws NullPointerException if the type or title is missing
     */
    public Problem {
        java.util.Objects.requireNonNull(type, "type");
        java.util.Objects.requireNonNull(title, "title");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /**
     * Makes the usual problem: one titled after its status.
     *
     * @param status an HTTP status
     * @param detail what went wrong, or {@code null}
     * @return a problem of type {@code about:blank} titled after the status
     */
    public static Problem of(int status, String detail) {
        return new Problem("about:blank", HttpStatus.reason(status), status, detail, List.of());
    }

    /**
     * Makes a copy that lists the fields that were wrong.
     *
     * @param violations the wrong fields
     * @return a copy listing them
     */
    public Problem withErrors(List<Violation> violations) {
        return new Problem(type, title, status, detail, violations);
    }
}
