package dev.portablefn.idempotency;

import dev.portablefn.api.Context;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.middleware.Invocation;
import dev.portablefn.api.middleware.Middleware;
import dev.portablefn.idempotency.IdempotencyStore.StartResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Claims the invocation's key before the function runs and answers duplicates from the store. */
final class IdempotencyMiddleware implements Middleware {

    /** Header added to HTTP responses replayed from the store. */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Logger LOG = LoggerFactory.getLogger(Idempotency.class);
    private static final int MAX_PLAIN_KEY_LENGTH = 200;
    private static final byte[] ACKNOWLEDGED = new byte[0];

    private final IdempotencyStore store;
    private final IdempotencyConfig config;
    private final AtomicBoolean warnedAboutBatches = new AtomicBoolean();

    IdempotencyMiddleware(IdempotencyStore store, IdempotencyConfig config) {
        this.store = Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public Object around(Invocation invocation, Chain next) throws Exception {
        if (!invocation.isHttp() && invocation.input() instanceof java.util.List<?>) {
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
        String key = storageKey(config.namespaceFor(context), extracted.get());
        Instant now = context.clock().instant();
        StartResult start;
        try {
            start = store.tryStart(key, now, now.plus(config.inProgressTtlFor(context)));
        } catch (RuntimeException e) {
            throw new RetryableException("idempotency store could not claim key '" + key
                    + "'; not running the function so the provider retries it", e);
        }
        switch (start.status()) {
            case COMPLETED:
                LOG.info("idempotency key '{}' already completed; answering the duplicate without running", key);
                return replay(invocation, start.result(), key);
            case IN_PROGRESS:
                throw new RetryableException("idempotency key '" + key + "' is being processed by another invocation;"
                        + " retry later");
            default:
                break;
        }
        Object result;
        try {
            result = next.proceed(invocation);
        } catch (Exception | Error failure) {
            release(key, failure);
            throw failure;
        }
        if (result instanceof HttpResponse response && response.status() >= 500) {
            release(key, null);
            return result;
        }
        byte[] stored = result instanceof HttpResponse response
                ? config.codec().write(StoredResponse.of(response, fingerprint(invocation.request())))
                : ACKNOWLEDGED;
        try {
            store.complete(key, stored, context.clock().instant().plus(config.completedTtl()));
        } catch (RuntimeException e) {
            // The work is done; failing now would make the provider redeliver it. The claim expires on its own.
            LOG.error("function succeeded but idempotency key '{}' could not be recorded as completed; duplicates"
                    + " arriving after the in-progress TTL will run again", key, e);
        }
        return result;
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
        if (response.fingerprint() != null && !response.fingerprint().equals(fingerprint(invocation.request()))) {
            throw PermanentFailure.withStatus(422, "the " + KeyExtractors.IDEMPOTENCY_KEY_HEADER
                    + " was already used for a different request; send a new key for a new request");
        }
        return response.toResponse().withHeader(REPLAYED_HEADER, "true");
    }

    private void release(String key, Throwable failure) {
        try {
            store.release(key);
        } catch (RuntimeException e) {
            LOG.error("could not release idempotency key '{}'; retries wait until its in-progress TTL passes", key, e);
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    static String storageKey(String namespace, String key) {
        String full = namespace + ":" + key;
        return full.length() <= MAX_PLAIN_KEY_LENGTH ? full : "sha256:" + sha256(full.getBytes(StandardCharsets.UTF_8));
    }

    private static String fingerprint(HttpRequest request) {
        byte[] head = (request.method() + " " + request.path() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = request.body();
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return sha256(all);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
