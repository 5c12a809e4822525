package dev.portablefn.idempotency;

import dev.portablefn.api.middleware.Middleware;

/**
 * Makes a function effectively run once per key, although providers deliver at least once.
 * Add it with {@code PortableFunction.http(fn).with(Idempotency.middleware(store))}.
 *
 * <p>Before the function runs, the middleware claims the key in the {@link IdempotencyStore}: an in-progress
 * record with an owner token of this invocation and a lease, sized from the invocation's deadline where the provider
 * tells one and otherwise renewed while the function runs, so a crashed invocation does not block retries for long
 * and a long one keeps its claim. Then:
 * <ul>
 *   <li>a completed record answers the duplicate without running the function: HTTP gets the stored
 *       status, headers and body (plus {@code Idempotent-Replayed: true}); events are acknowledged;</li>
 *   <li>a live in-progress record (a concurrent duplicate) fails it with a
 *       {@link dev.portablefn.api.RetryableException}, so the provider redelivers later (HTTP: 503); on Azure event
 *       triggers, whose hosts redeliver at once, it first waits for the key, bounded by the lease and the
 *       deadline ({@link IdempotencyConfig#withInProgressWait(java.time.Duration)});</li>
 *   <li>otherwise the function runs; on success the result is stored as completed, on any failure (and for HTTP
 *       responses other than 2xx, unless {@linkplain IdempotencyConfig#alsoStoring(int...) allowed}) the claim
 *       is dropped so a retry can run. Completing and dropping only touch this invocation's own claim.</li>
 * </ul>
 * HTTP keys are scoped by the caller (a digest of the {@code Authorization} header unless
 * {@linkplain IdempotencyConfig#withPrincipal configured}); reusing a key with a different method, path, query or
 * body is refused with 422; {@code Set-Cookie} is neither stored nor replayed. Batch functions pass through
 * unchanged: de-duplicate their records inside the function, or use an event function.
 */
public final class Idempotency {

    private Idempotency() {
    }

    /**
     * Gives the idempotency middleware with the default configuration: keyed by the event id or the
     * {@code Idempotency-Key} header, a missing key rejected.
     *
     * @param store where keys are recorded
     * @return the middleware with {@link IdempotencyConfig#defaults()}
     * @throws NullPointerException if {@code store} is {@code null}
     */
    public static Middleware middleware(IdempotencyStore store) {
        return middleware(store, IdempotencyConfig.defaults());
    }

    /**
     * Gives the idempotency middleware with a configuration of the application's own.
     *
     * @param store  where keys are recorded
     * @param config how keys are found and how long records live
     * @return the middleware
     * @throws NullPointerException if either argument is {@code null}
     */
    public static Middleware middleware(IdempotencyStore store, IdempotencyConfig config) {
        return new IdempotencyMiddleware(store, config);
    }

    /**
     * Starts a configuration keyed by a chosen extractor, such as
     * {@code Idempotency.key(KeyExtractors.jsonField("paymentId"))}.
     *
     * @param extractor how to find an invocation's key
     * @return the default configuration with that key
     */
    public static IdempotencyConfig key(KeyExtractor extractor) {
        return IdempotencyConfig.defaults().withKey(extractor);
    }
}
