/**
 * The realistic warm benchmark: a function that routes ({@code POST /orders/{customerId}}), binds and validates its
 * input and logs one line through logback with the invocation's MDC, on the six paths of the current benchmark,
 * against hand-written handlers that do the same work ({@code dev.portablefn.bench.baseline}).
 */
package dev.portablefn.bench.realistic;
