/**
 * Code that runs around every invocation of a function: {@link dev.portablefn.api.middleware.Middleware}
 * wraps the rest of the chain and sees the {@link dev.portablefn.api.middleware.Invocation} (input and context)
 * and whatever the function returned or threw. The library's own chain and the order it runs in are
 * described on {@code Middleware}.
 */
package dev.portablefn.api.middleware;
