/**
 * Makes a function's effect happen once per key although providers deliver at least once:
 * {@link dev.portablefn.idempotency.Idempotency} gives the middleware, configured by
 * {@link dev.portablefn.idempotency.IdempotencyConfig} and keyed by a
 * {@link dev.portablefn.idempotency.KeyExtractor}, and records keys in an
 * {@link dev.portablefn.idempotency.IdempotencyStore} (in memory, or a JDBC table shared by every instance).
 *
 * <p>A duplicate of a completed invocation is answered from the store without running the function; a
 * duplicate of one still running fails as retryable so the provider redelivers it later (after a bounded wait on
 * hosts that redeliver at once); a failed invocation releases its own claim so a retry can run. The module's
 * README tables what happens on each provider.
 */
package dev.portablefn.idempotency;
