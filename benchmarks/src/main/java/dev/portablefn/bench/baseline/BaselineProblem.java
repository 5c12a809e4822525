package dev.portablefn.bench.baseline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The {@code application/problem+json} body the realistic baselines answer errors with, written by hand in the shape
 * the library writes (RFC 9457), so both sides give a client the same answer.
 *
 * @param type   always {@code about:blank}
 * @param title  the status's reason phrase
 * @param status the HTTP status
 * @param detail what went wrong
 * @param errors the wrong fields, empty unless the body broke a constraint
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BaselineProblem(String type, String title, int status, String detail, List<FieldError> errors) {

    /** The media type of a problem body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One wrong field.
     *
     * @param field   the property path
     * @param message why it is wrong
     */
    public record FieldError(String field, String message) {
    }

    /**
     * @param detail what is wrong with the body
     * @param errors the wrong fields
     * @return a 400 problem
     */
    public static BaselineProblem badRequest(String detail, List<FieldError> errors) {
        return new BaselineProblem("about:blank", "Bad Request", 400, detail, errors);
    }

    /** @param path the request path @return a 404 problem */
    public static BaselineProblem notFound(String path) {
        return new BaselineProblem("about:blank", "Not Found", 404, "no route for " + path, List.of());
    }

    /**
     * @param method  the request's method
     * @param path    the request path, which is routed for other methods
     * @param allowed the methods that are
     * @return a 405 problem
     */
    public static BaselineProblem methodNotAllowed(String method, String path, String allowed) {
        return new BaselineProblem("about:blank", "Method Not Allowed", 405,
                method + " is not allowed on " + path + "; allowed: " + allowed, List.of());
    }
}
