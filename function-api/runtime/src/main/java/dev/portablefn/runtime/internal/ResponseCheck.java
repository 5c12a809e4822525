package dev.portablefn.runtime.internal;

import dev.portablefn.api.http.HttpResponse;

/**
 * What a provider can carry back of an HTTP response, told by the adapter that knows it: Lambda's 6 MB and ALB's
 * 1 MB of encoded response, a single {@code Set-Cookie} where the provider keeps one value per header. A
 * {@link FunctionRunner#withResponseCheck(ResponseCheck) runner given a check} applies it to the function's response
 * before the function's own middleware sees it, so idempotency never stores a response the provider would drop.
 */
@FunctionalInterface
public interface ResponseCheck {

    /**
     * Tells why the provider cannot deliver a response. Called on every response: answer cheaply for the usual small
     * one.
     *
     * @param response the response the function returned
     * @return what stops it, naming the provider's limit and what to change, for the log; {@code null} when it can
     *         be delivered
     */
    String refusal(HttpResponse response);
}
