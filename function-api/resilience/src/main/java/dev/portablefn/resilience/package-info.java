/**
 * Protects the calls a function makes to other services, on Resilience4j: a
 * {@link dev.portablefn.resilience.CallPolicy} combines retries with backoff, a circuit breaker, a bulkhead and
 * a time limit that never outlive the invocation's deadline, and {@link dev.portablefn.resilience.Resilience}
 * gives ready-configured circuit breakers and bulkheads. Calls that are rejected or time out fail with a
 * {@link dev.portablefn.api.RetryableException}, so the provider can retry the invocation later.
 */
package dev.portablefn.resilience;
