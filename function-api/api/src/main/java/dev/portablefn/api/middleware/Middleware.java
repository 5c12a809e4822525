package dev.portablefn.api.middleware;

/**
 * Wraps an invocation: does something before and after the rest of the chain, or instead of it.
 * Middleware sees exceptions as the function threw them and may translate, retry or swallow them.
 *
 * <p>The library's chain runs, outermost first: the logging context (request id, trace id, function
 * name, provider and event id in the SLF4J MDC), failure handling (classification, logging, HTTP problem
 * responses), the deadline check, binding of event data and size limits, validation of bound data,
 * then the function's own middleware in the order given (such as {@code Idempotency.middleware(store)} or {@link #accessLog}), then the function.
 */
@FunctionalInterface
public interface Middleware {

    /**
     * Runs around the rest of the chain.
     *
     * @param invocation the input and context
     * @param next       the rest of the chain; call {@link Chain#proceed(Invocation)} to continue
     * @return the result: an {@code HttpResponse} for HTTP, a {@code BatchResult} for batch functions,
     *         {@code null} for events
     * @throws Exception to fail the invocation
     */
    Object around(Invocation invocation, Chain next) throws Exception;

    /** The rest of a middleware chain. */
    @FunctionalInterface
    interface Chain {
        /**
         * Runs the rest of the chain, ending with the function.
         *
         * @param invocation the input and context to continue with
         * @return the result of the rest of the chain
         * @throws Exception what the rest of the chain threw
         */
        Object proceed(Invocation invocation) throws Exception;
    }

    /**
     * Logs one INFO line per invocation (request line and status, or event id and type) to the
     * {@code dev.portablefn.access} logger, with credential headers hidden by {@code redaction}.
     *
     * @param redaction what to hide, such as {@code Redaction.standard().withHeaders("X-Session")}
     * @return the middleware
     */
    static Middleware accessLog(dev.portablefn.api.http.Redaction redaction) {
        return new AccessLogMiddleware(redaction, org.slf4j.LoggerFactory.getLogger("dev.portablefn.access"));
    }
}
