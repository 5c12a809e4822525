/**
 * Internal: the standard middleware every function runs inside (logging context, deadline check, validation),
 * chained by the function runner. Used by the runtime and the adapters, not for functions to call; a function
 * adds its own middleware with {@code PortableFunction.with}.
 */
package dev.portablefn.runtime.internal.middleware;
