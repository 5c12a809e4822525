package dev.portablefn.runtime.internal;

import dev.portablefn.api.Context;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.Problem;
import dev.portablefn.api.http.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The problem responses failed HTTP invocations are answered with, and what is logged for them: by {@link FunctionRunner},
 * and by adapters that reject a request before running the function (too many headers or query parameters).
 */
public final class HttpProblems {

    /** The runner's own logger: these lines are its lines. */
    private static final Logger LOG = LoggerFactory.getLogger(FunctionRunner.class);
    /** The most characters of a rejection's message and its cause's logged: parsers quote the input. */
    private static final int LOGGED_MESSAGE = 300;

    private HttpProblems() {
    }

    /**
     * Answers a request the function or the library rejected. Invalid input gets its message and field list, which
     * the binder words for clients; a request the adapter could not decode gets a generic 400, since decoder messages
     * describe the provider's payload; any other permanent failure gets the message its author wrote. The detail of
     * the cause (Jackson's message, say) goes to the log only, cut short and with control characters escaped.
     *
     * @param failure why the request was rejected
     * @return the 4xx problem response
     */
    public static HttpResponse rejection(PermanentFailure failure) {
        LOG.info("request rejected with {}: {}", failure.status(), explained(failure, LOGGED_MESSAGE));
        if (failure instanceof InvalidInputException invalid) {
            return HttpResponse.problem(Problem.of(invalid.status(), invalid.getMessage()).withErrors(invalid.violations()));
        }
        if (failure instanceof EventDecodingException) {
            return HttpResponse.problem(Problem.of(failure.status(), "The request could not be read."));
        }
        return HttpResponse.problem(Problem.of(failure.status(), failure.getMessage()));
    }

    /**
     * Words a rejection for the log, without a stack trace: the caller's doing is explained by its message and its
     * cause's (a parser's message quoting the input), each cut short and with control characters escaped.
     *
     * @param failure the rejection
     * @param limit   the most characters of each message kept
     * @return {@code message} or {@code message (cause's message)}
     */
    static String explained(PermanentFailure failure, int limit) {
        Throwable cause = failure.getCause();
        return Redaction.forLog(failure.getMessage(), limit)
                + (cause == null || cause.getMessage() == null ? "" : " (" + Redaction.forLog(cause.getMessage(), limit) + ")");
    }

    /**
     * Gives the 500 problem every unexpected failure gets: no message, no class, only where to look in the log.
     *
     * @param context the invocation, whose request id the problem names
     * @return the 500 problem response
     */
    public static HttpResponse internalError(Context context) {
        return HttpResponse.problem(Problem.of(500, "The function failed; the error is logged under request id "
                + context.requestId() + "."));
    }
}
