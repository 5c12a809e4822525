package dev.portablefn.api;

import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;

/**
 * A function triggered by an HTTP request, on any provider's HTTP trigger.
 *
 * <p>Return the response to send. A thrown {@link PermanentFailure} becomes a 4xx
 * {@code application/problem+json} response carrying its message; any other exception becomes a
 * 500 (or 503 for a {@link RetryableException}) whose body never reveals the exception, while the
 * full error is logged with the request id.
 */
@FunctionalInterface
public interface HttpFunction {

    /**
     * Handles one request.
     *
     * @param request the portable request: method, path, headers, query, body
     * @param context the invocation's request id, deadline, trace id and logger
     * @return the response to send, never {@code null}
     * @throws Exception to fail the request; see the type's description for how it is reported
     */
    HttpResponse handle(HttpRequest request, Context context) throws Exception;
}
