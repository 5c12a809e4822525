package dev.portablefn.idempotency;

import dev.portablefn.api.Context;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.middleware.Invocation;
import dev.portablefn.api.middleware.Middleware;
import dev.portablefn.idempotency.IdempotencyStore.StartResult;
import dev.portablefn.idempotency.IdempotencyStore.Status;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Claims the invocation's key before the function runs and answers duplicates from the store. */
final class IdempotencyMiddleware implements Middleware {

    /** Header added to HTTP responses replayed from the store. */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** The first pause of a duplicate waiting for a running invocation's key; each next one doubles. */
    static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    /** The longest pause between two polls of a waiting duplicate. */
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(Idempotency.class);
    private static final byte[] ACKNOWLEDGED = new byte[0];
    private static final String ANONYMOUS = "-";

    private final IdempotencyStore store;
    private final IdempotencyConfig config;
    private final LeaseRenewals renewals;
    private final Sleeper sleeper;
    private final AtomicBoolean warnedAboutBatches = new AtomicBoolean();

    IdempotencyMiddleware(IdempotencyStore store, IdempotencyConfig config) {
        this(store, config, SharedLeaseRenewals.INSTANCE, duration -> Thread.sleep(duration.toMillis()));
    }

    IdempotencyMiddleware(IdempotencyStore store, IdempotencyConfig config, LeaseRenewals renewals, Sleeper sleeper) {
        this.store = Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
        this.renewals = Objects.requireNonNull(renewals, "renewals");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public Object around(Invocation invocation, Chain next) throws Exception {
        if (!invocation.isHttp() && invocation.input() instanceof List<?>) {
            if (warnedAboutBatches.compareAndSet(false, true)) {
                LOG.warn("idempotency middleware does not de-duplicate batch functions; it only covers HTTP and event"
                        + " functions (an event function behind a batch trigger is covered per record)");
            }
            return next.proceed(invocation);
        }
        Context context = invocation.context();
        Optional<String> extracted = config.key().keyOf(invocation);
        if (extracted.isEmpty() || extracted.get().isBlank()) {
            if (config.keyRequired()) {
                throw new PermanentFailure("the " + (invocation.isHttp() ? "request" : "event") + " has no idempotency key ("
                        + config.key() + ")" + (invocation.isHttp() ? "; send a unique " + KeyExtractors.IDEMPOTENCY_KEY_HEADER
                        + " header" : "; the function requires one"));
            }
            return next.proceed(invocation);
        }
        String key = storageKey(invocation, extracted.get());
        String owner = UUID.randomUUID().toString();
        Claim claim = claim(invocation, key, owner);
        switch (claim.start().status()) {
            case COMPLETED:
                LOG.info("idempotency key '{}' already completed; answering the duplicate without running", key);
                return replay(invocation, claim.start().result(), key);
            case IN_PROGRESS:
                throw new RetryableException("idempotency key '" + key + "' is being processed by another invocation;"
                        + " retry later" + (claim.waited().isZero() ? "" : " (waited " + claim.waited() + " for it)"));
            default:
                break;
        }
        Runnable stopRenewing = renewWhileRunning(key, owner, claim.lease(), context);
        Object result;
        try {
            result = next.proceed(invocation);
        } catch (Exception | Error failure) {
            stopRenewing.run();
            release(key, owner, failure);
            throw failure;
        }
        stopRenewing.run();
        if (result instanceof HttpResponse response && !config.stores(response.status())) {
            release(key, owner, null);   // 4xx and 5xx answers may change on a retry (a fixed token, a passed rate limit)
            return result;
        }
        byte[] stored = result instanceof HttpResponse response ? encode(response, invocation.request(), key) : ACKNOWLEDGED;
        try {
            if (!store.complete(key, owner, stored, context.clock().instant(), config.completedTtl())) {
                LOG.warn("function succeeded but its claim on idempotency key '{}' had lapsed and another invocation"
                        + " holds the key now; that invocation records its own outcome", key);
            }
        } catch (RuntimeException e) {
            // The work is done; failing now would make the provider redeliver it. The claim expires on its own.
            LOG.error("function succeeded but idempotency key '{}' could not be recorded as completed; duplicates"
                    + " arriving after the in-progress TTL will run again", key, e);
        }
        return result;
    }

    /**
     * Claims the key, waiting (polling with backoff) while another invocation holds it when the host would otherwise
     * redeliver at once; each poll is a claim attempt, so a claim that lapses or is released is taken over.
     */
    private Claim claim(Invocation invocation, String key, String owner) {
        Context context = invocation.context();
        Instant started = context.clock().instant();
        Duration lease = config.inProgressTtlFor(context);
        Instant giveUpAt = started.plus(config.inProgressWaitFor(invocation, lease));
        Duration pause = FIRST_PAUSE;
        while (true) {
            Instant now = context.clock().instant();
            lease = config.inProgressTtlFor(context);
            StartResult start = tryStart(key, owner, now, lease);
            Duration left = Duration.between(now, giveUpAt);
            if (start.status() != Status.IN_PROGRESS || left.isZero() || left.isNegative()) {
                return new Claim(start, lease, Duration.between(started, now));
            }
            if (pause.equals(FIRST_PAUSE)) {
                LOG.info("idempotency key '{}' is held by another invocation; waiting up to {} for it rather than"
                        + " failing into an immediate redelivery", key, left);
            }
            pause(pause.compareTo(left) < 0 ? pause : left, key);
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) < 0 ? pause.multipliedBy(2) : LONGEST_PAUSE;
        }
    }

    private StartResult tryStart(String key, String owner, Instant now, Duration lease) {
        try {
            return store.tryStart(key, owner, now, lease);
        } catch (RuntimeException e) {
            throw new RetryableException("idempotency store could not claim key '" + key
                    + "'; not running the function so the provider retries it", e);
        }
    }

    private void pause(Duration duration, String key) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableException("interrupted while waiting for idempotency key '" + key + "'", e);
        }
    }

    /**
     * Renews the claim while the function runs, when its lease could lapse first (no deadline known, or a
     * configured TTL shorter than the invocation). A third of the lease apart, so one renewal may fail or come late
     * (a slow store, a pause) and the next still lands before the claim lapses. Each renewal is conditional on the
     * owner token; once it finds the claim taken over, renewing stops.
     */
    private Runnable renewWhileRunning(String key, String owner, Duration lease, Context context) {
        if (!IdempotencyConfig.needsRenewal(context, lease)) {
            return () -> { };
        }
        Duration period = lease.dividedBy(3);
        AtomicBoolean running = new AtomicBoolean(true);
        Runnable stop = renewals.every(period, () -> {
            try {
                if (store.renew(key, owner, context.clock().instant(), lease)) {
                    return true;
                }
                if (running.get()) {
                    LOG.warn("the claim on idempotency key '{}' lapsed and was taken over while its function still"
                            + " runs; the two invocations run side by side", key);
                }
                return false;
            } catch (RuntimeException e) {
                LOG.warn("could not renew the claim on idempotency key '{}'; trying again in {}", key, period, e);
                return true;
            }
        });
        return () -> {
            running.set(false);
            stop.run();
        };
    }

    private byte[] encode(HttpResponse response, HttpRequest request, String key) {
        String fingerprint = StoredResponse.fingerprint(request);
        byte[] full = config.codec().write(StoredResponse.of(response, fingerprint));
        if (full.length <= config.maxStoredResponseBytes()) {
            return full;
        }
        LOG.info("the response to idempotency key '{}' takes {} bytes stored, over the cap of {}; storing its status"
                + " alone, so duplicates get {} without a body", key, full.length, config.maxStoredResponseBytes(),
                response.status());
        return config.codec().write(StoredResponse.statusOnly(response.status(), fingerprint));
    }

    private Object replay(Invocation invocation, byte[] stored, String key) {
        if (!invocation.isHttp()) {
            return null;
        }
        StoredResponse response;
        try {
            response = config.codec().read(stored, config.codec().type(StoredResponse.class));
        } catch (IOException e) {
            throw new IllegalStateException("stored response of idempotency key '" + key + "' is unreadable", e);
        }
        if (response.fingerprint() != null && !response.fingerprint().equals(StoredResponse.fingerprint(invocation.request()))) {
            throw PermanentFailure.withStatus(422, "the " + KeyExtractors.IDEMPOTENCY_KEY_HEADER
                    + " was already used for a different request; send a new key for a new request");
        }
        return response.toResponse().withHeader(REPLAYED_HEADER, "true");
    }

    private void release(String key, String owner, Throwable failure) {
        try {
            if (!store.release(key, owner)) {
                LOG.info("idempotency key '{}' was not released: its claim had lapsed and another invocation holds it", key);
            }
        } catch (RuntimeException e) {
            LOG.error("could not release idempotency key '{}'; retries wait until its in-progress TTL passes", key, e);
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    /** The key as stored: namespaced, and for HTTP scoped by a digest of the caller. */
    private String storageKey(Invocation invocation, String key) {
        String namespace = config.namespaceFor(invocation.context());
        return invocation.isHttp() ? storageKey(namespace, config.principalOf(invocation.request()), key)
                : storageKey(namespace, key);
    }

    static String storageKey(String namespace, String key) {
        return namespace + ":" + key;
    }

    // The scope has a fixed length (or is "-"), so no principal and key can run together into another's.
    static String storageKey(String namespace, Optional<String> principal, String key) {
        return namespace + ":" + principal.map(caller -> Digests.sha256Hex(caller).substring(0, 32)).orElse(ANONYMOUS)
                + ":" + key;
    }

    /** What claiming found, with the lease it was claimed for and how long it waited. */
    private record Claim(StartResult start, Duration lease, Duration waited) {
    }

    /** Pauses the invoking thread; tests substitute one that advances a simulated clock. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }
}
