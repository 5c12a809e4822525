package dev.portablefn.idempotency;

import dev.portablefn.api.Context;
import dev.portablefn.api.Provider;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.middleware.Invocation;
import dev.portablefn.runtime.json.JacksonCodec;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How the {@link Idempotency} middleware keys and remembers invocations. Immutable; each
 * {@code with…} method returns a changed copy. Start from {@link #defaults()} or {@link Idempotency#key(KeyExtractor)}.
 */
public final class IdempotencyConfig {

    /** How long a completed result answers duplicates unless configured: 24 hours. */
    public static final Duration DEFAULT_COMPLETED_TTL = Duration.ofHours(24);
    /**
     * The in-progress TTL (the claim's lease) when the provider gives no deadline: 2 minutes, renewed every third of
     * it while the function runs, so a long run keeps its claim and a crashed one frees it within 2 minutes.
     */
    public static final Duration FALLBACK_IN_PROGRESS_TTL = Duration.ofMinutes(2);
    /** Added to the invocation's remaining time for the default in-progress TTL. */
    public static final Duration IN_PROGRESS_GRACE = Duration.ofSeconds(10);
    /** The largest stored HTTP response unless configured: 64 KiB; a larger one is stored as its status alone. */
    public static final int DEFAULT_MAX_STORED_RESPONSE_BYTES = 64 * 1024;

    private static final Function<HttpRequest, Optional<String>> AUTHORIZATION = new Function<>() {
        @Override
        public Optional<String> apply(HttpRequest request) {
            return request.header("Authorization");
        }

        @Override
        public String toString() {
            return "Authorization header";
        }
    };
    private static final IdempotencyConfig DEFAULTS = new IdempotencyConfig(KeyExtractors.standard(), null,
            DEFAULT_COMPLETED_TTL, null, true, null, AUTHORIZATION, Set.of(), null, DEFAULT_MAX_STORED_RESPONSE_BYTES);

    private final KeyExtractor key;
    private final Duration inProgressTtl;
    private final Duration completedTtl;
    private final String namespace;
    private final boolean keyRequired;
    private final JacksonCodec codec;
    private final Function<HttpRequest, Optional<String>> principal;
    private final Set<Integer> alsoStored;
    private final Duration inProgressWait;
    private final int maxStoredResponseBytes;

    private IdempotencyConfig(KeyExtractor key, Duration inProgressTtl, Duration completedTtl, String namespace,
                              boolean keyRequired, JacksonCodec codec, Function<HttpRequest, Optional<String>> principal,
                              Set<Integer> alsoStored, Duration inProgressWait, int maxStoredResponseBytes) {
        this.key = key;
        this.inProgressTtl = inProgressTtl;
        this.completedTtl = completedTtl;
        this.namespace = namespace;
        this.keyRequired = keyRequired;
        this.codec = codec;
        this.principal = principal;
        this.alsoStored = alsoStored;
        this.inProgressWait = inProgressWait;
        this.maxStoredResponseBytes = maxStoredResponseBytes;
    }

    /**
     * The defaults: {@link KeyExtractors#standard()} keys, an in-progress TTL of the invocation's remaining
     * time plus {@link #IN_PROGRESS_GRACE} (else {@link #FALLBACK_IN_PROGRESS_TTL}, renewed), completed results kept
     * {@link #DEFAULT_COMPLETED_TTL}, keys namespaced by the function name and, for HTTP, scoped by the caller's
     * {@code Authorization} header, only 2xx responses stored, a duplicate of a running invocation waited for only on
     * Azure event triggers, and a missing key rejected.
     *
     * @return the default configuration
     */
    public static IdempotencyConfig defaults() {
        return DEFAULTS;
    }

    /**
     * Chooses how an invocation's key is found, such as {@link KeyExtractors#jsonField(String)}.
     *
     * @param extractor how to find an invocation's key
     * @return a copy using it; this configuration is unchanged
     * @throws NullPointerException if {@code extractor} is {@code null}
     */
    public IdempotencyConfig withKey(KeyExtractor extractor) {
        return new IdempotencyConfig(Objects.requireNonNull(extractor, "extractor"), inProgressTtl, completedTtl,
                namespace, keyRequired, codec, principal, alsoStored, inProgressWait, maxStoredResponseBytes);
    }

    /**
     * How long a claim lasts when its invocation never completes or releases it (a crash, a timeout): the claim's
     * lease. While the function runs the middleware renews it every third of the TTL, unless the TTL already
     * outlasts the invocation's deadline, so a shorter TTL frees a crashed invocation's key sooner.
     *
     * @param ttl a positive duration
     * @return a copy using it; this configuration is unchanged
     * @throws IllegalArgumentException if {@code ttl} is zero or negative
     */
    public IdempotencyConfig withInProgressTtl(Duration ttl) {
        return new IdempotencyConfig(key, positive(ttl, "in-progress TTL"), completedTtl, namespace, keyRequired, codec,
                principal, alsoStored, inProgressWait, maxStoredResponseBytes);
    }

    /**
     * Sets how long a completed result answers duplicates before the key may run again.
     *
     * @param ttl a positive duration; {@link #DEFAULT_COMPLETED_TTL} unless set
     * @return a copy using it; this configuration is unchanged
     * @throws IllegalArgumentException if {@code ttl} is zero or negative
     */
    public IdempotencyConfig withCompletedTtl(Duration ttl) {
        return new IdempotencyConfig(key, inProgressTtl, positive(ttl, "completed TTL"), namespace, keyRequired, codec,
                principal, alsoStored, inProgressWait, maxStoredResponseBytes);
    }

    /**
     * Keys are stored as {@code namespace + ":" + key}. The default namespace is the function name, so two
     * functions fed the same event (a topic fanned out to both) each process it once.
     *
     * @param prefix the namespace, not blank
     * @return a copy using it; this configuration is unchanged
     * @throws IllegalArgumentException if {@code prefix} is {@code null} or blank
     */
    public IdempotencyConfig withNamespace(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("idempotency namespace must not be blank");
        }
        return new IdempotencyConfig(key, inProgressTtl, completedTtl, prefix, keyRequired, codec, principal, alsoStored,
                inProgressWait, maxStoredResponseBytes);
    }

    /**
     * Lets invocations without a key run unprotected instead of being rejected (HTTP 400, or a
     * permanent failure for events). Use it when clients may omit the {@code Idempotency-Key} header.
     *
     * @return a copy that runs keyless invocations
     */
    public IdempotencyConfig allowingMissingKey() {
        return new IdempotencyConfig(key, inProgressTtl, completedTtl, namespace, false, codec, principal, alsoStored,
                inProgressWait, maxStoredResponseBytes);
    }

    /**
     * Sets the codec HTTP responses are written to the store with, for an application with its own mapper.
     *
     * @param jsonCodec the codec stored HTTP responses are written with
     * @return a copy using it; this configuration is unchanged
     * @throws NullPointerException if {@code jsonCodec} is {@code null}
     */
    public IdempotencyConfig withCodec(JacksonCodec jsonCodec) {
        return new IdempotencyConfig(key, inProgressTtl, completedTtl, namespace, keyRequired,
                Objects.requireNonNull(jsonCodec, "codec"), principal, alsoStored, inProgressWait, maxStoredResponseBytes);
    }

    /**
     * Scopes HTTP keys by the caller, so one caller reusing another's {@code Idempotency-Key} runs as its own
     * request instead of receiving the other's stored response. The default principal is the
     * {@code Authorization} header; give a function reading the identity the platform vouches for when callers
     * authenticate otherwise (a session cookie, an API Gateway authorizer through the native request, Azure Easy
     * Auth's {@code X-MS-CLIENT-PRINCIPAL-ID}, IAP's {@code X-Goog-Authenticated-User-Id}). Only a digest of the
     * principal is stored. Requests whose principal is empty share one anonymous scope.
     *
     * @param principal finds the caller of a request; empty when anonymous
     * @return a copy using it; this configuration is unchanged
     * @throws NullPointerException if {@code principal} is {@code null}
     */
    public IdempotencyConfig withPrincipal(Function<HttpRequest, Optional<String>> principal) {
        return new IdempotencyConfig(key, inProgressTtl, completedTtl, namespace, keyRequired, codec,
                Objects.requireNonNull(principal, "principal"), alsoStored, inProgressWait, maxStoredResponseBytes);
    }

    /**
     * Stores and replays HTTP responses with these statuses too. By default only 2xx responses are stored: any other
     * response releases the key, so a retry (after the client fixed its token, or once a rate limit passed) runs
     * the function again. Allow a status whose answer cannot change for the same request, such as 404 or 409.
     *
     * @param statuses statuses from 300 to 499, added to those already allowed
     * @return a copy storing them; this configuration is unchanged
     * @throws IllegalArgumentException if a status is outside 300..499 (5xx responses are failures and never stored)
     */
    public IdempotencyConfig alsoStoring(int... statuses) {
        Set<Integer> all = new TreeSet<>(alsoStored);
        for (int status : statuses) {
            if (status < 300 || status > 499) {
                throw new IllegalArgumentException("only statuses 300..499 can be added to the stored ones, got " + status
                        + "; 2xx responses are always stored and 5xx ones never");
            }
            all.add(status);
        }
        return new IdempotencyConfig(key, inProgressTtl, completedTtl, namespace, keyRequired, codec, principal,
                Collections.unmodifiableSet(all), inProgressWait, maxStoredResponseBytes);
    }

    /**
     * Sets how long a duplicate of a running event invocation waits for the key, polling the store with backoff,
     * before it fails as retryable; always bounded by the invocation's remaining time less
     * {@link #IN_PROGRESS_GRACE}. By default only Azure event triggers wait, up to the in-progress TTL: Queue Storage
     * and Service Bus redeliver at once, so failing at once would use up the delivery attempts while a crashed
     * instance's claim lapses. HTTP requests never wait; they get 503 with {@code Retry-After}.
     *
     * @param wait the longest wait; {@link Duration#ZERO} never waits
     * @return a copy using it; this configuration is unchanged
     * @throws IllegalArgumentException if {@code wait} is negative
     */
    public IdempotencyConfig withInProgressWait(Duration wait) {
        if (Objects.requireNonNull(wait, "in-progress wait").isNegative()) {
            throw new IllegalArgumentException("in-progress wait must not be negative, got " + wait);
        }
        return new IdempotencyConfig(key, inProgressTtl, completedTtl, namespace, keyRequired, codec, principal,
                alsoStored, wait, maxStoredResponseBytes);
    }

    /**
     * Caps the size of a stored HTTP response (as the store holds it, encoded). A larger response is stored as its
     * status alone: duplicates get that status with an empty body, and a request that differs still gets 422.
     *
     * @param bytes the most bytes one stored response takes; {@link #DEFAULT_MAX_STORED_RESPONSE_BYTES} unless set
     * @return a copy using it; this configuration is unchanged
     * @throws IllegalArgumentException if {@code bytes} is not positive
     */
    public IdempotencyConfig withMaxStoredResponseBytes(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("the stored response cap must be positive, got " + bytes);
        }
        return new IdempotencyConfig(key, inProgressTtl, completedTtl, namespace, keyRequired, codec, principal,
                alsoStored, inProgressWait, bytes);
    }

    /**
     * Tells how an invocation's key is found.
     *
     * @return the key extractor; {@link KeyExtractors#standard()} unless set
     */
    public KeyExtractor key() {
        return key;
    }

    /**
     * Gives the in-progress TTL set with {@link #withInProgressTtl(Duration)}.
     *
     * @return the configured in-progress TTL; empty means "remaining time plus grace"
     */
    public Optional<Duration> inProgressTtl() {
        return Optional.ofNullable(inProgressTtl);
    }

    /**
     * Works out how long one invocation's claim lasts.
     *
     * @param context the invocation
     * @return the in-progress TTL for it: the configured one, else its remaining time plus
     *         {@link #IN_PROGRESS_GRACE}, else {@link #FALLBACK_IN_PROGRESS_TTL} when the provider tells no deadline
     *         ({@link Context#remainingTime()} is {@link Context#NO_DEADLINE})
     */
    public Duration inProgressTtlFor(Context context) {
        if (inProgressTtl != null) {
            return inProgressTtl;
        }
        return remainingTime(context).map(left -> left.plus(IN_PROGRESS_GRACE)).orElse(FALLBACK_IN_PROGRESS_TTL);
    }

    /** Whether a claim of this lease could lapse while the invocation still runs, so it must be renewed. */
    static boolean needsRenewal(Context context, Duration lease) {
        return remainingTime(context).map(left -> lease.compareTo(left.plus(IN_PROGRESS_GRACE)) < 0).orElse(true);
    }

    /** How long a duplicate of a running invocation polls for the key before failing as retryable. */
    Duration inProgressWaitFor(Invocation invocation, Duration lease) {
        if (invocation.isHttp()) {
            return Duration.ZERO;
        }
        Duration wait = inProgressWait != null ? inProgressWait
                : invocation.context().provider() == Provider.AZURE ? lease : Duration.ZERO;
        Optional<Duration> left = remainingTime(invocation.context()).map(time -> time.minus(IN_PROGRESS_GRACE));
        if (left.isPresent() && left.get().compareTo(wait) < 0) {
            return left.get().isNegative() ? Duration.ZERO : left.get();
        }
        return wait;
    }

    /** The invocation's remaining time, or empty when the provider tells no deadline. */
    static Optional<Duration> remainingTime(Context context) {
        Duration left = context.remainingTime();
        return context.deadline().isEmpty() || left.compareTo(Context.NO_DEADLINE) >= 0 ? Optional.empty() : Optional.of(left);
    }

    /** The caller an HTTP request's key is scoped by; empty when anonymous. */
    Optional<String> principalOf(HttpRequest request) {
        return principal.apply(request).filter(caller -> !caller.isEmpty());
    }

    /** Whether an HTTP response with this status is stored for duplicates rather than releasing the key. */
    boolean stores(int status) {
        return status >= 200 && status <= 299 || alsoStored.contains(status);
    }

    /** The most bytes one stored HTTP response takes before it is stored as its status alone. */
    int maxStoredResponseBytes() {
        return maxStoredResponseBytes;
    }

    /**
     * Tells how long a completed result answers duplicates.
     *
     * @return the completed TTL; {@link #DEFAULT_COMPLETED_TTL} unless set
     */
    public Duration completedTtl() {
        return completedTtl;
    }

    /**
     * Tells the namespace one invocation's key is stored under.
     *
     * @param context the invocation
     * @return the configured namespace, else the function name
     */
    public String namespaceFor(Context context) {
        return namespace != null ? namespace : context.functionName();
    }

    /**
     * Tells whether an invocation without a key is rejected rather than run unprotected.
     *
     * @return {@code true} unless {@link #allowingMissingKey()} was used
     */
    public boolean keyRequired() {
        return keyRequired;
    }

    /**
     * Gives the codec HTTP responses are written to the store with.
     *
     * @return the codec set with {@link #withCodec(JacksonCodec)}, else {@link JacksonCodec#standard()}
     */
    public JacksonCodec codec() {
        return codec != null ? codec : JacksonCodec.standard();
    }

    private static Duration positive(Duration ttl, String what) {
        Objects.requireNonNull(ttl, what);
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, got " + ttl);
        }
        return ttl;
    }

    @Override
    public String toString() {
        return "IdempotencyConfig{key=" + key + ", inProgressTtl=" + (inProgressTtl == null ? "remaining time + grace" : inProgressTtl)
                + ", completedTtl=" + completedTtl + ", namespace=" + (namespace == null ? "function name" : namespace)
                + ", keyRequired=" + keyRequired + ", principal=" + principal + ", stored=2xx" + (alsoStored.isEmpty() ? ""
                : " and " + alsoStored) + ", inProgressWait=" + (inProgressWait == null ? "in-progress TTL on Azure events"
                : inProgressWait) + ", maxStoredResponseBytes=" + maxStoredResponseBytes + "}";
    }
}
