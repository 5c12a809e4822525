package dev.portablefn.idempotency;

import dev.portablefn.api.Context;
import dev.portablefn.runtime.json.JacksonCodec;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the {@link Idempotency} middleware keys and remembers invocations. Immutable; each
 * {@code with…} method returns a changed copy. Start from {@link #defaults()} or {@link Idempotency#key(KeyExtractor)}.
 */
public final class IdempotencyConfig {

    /** How long a completed result answers duplicates unless configured: 24 hours. */
    public static final Duration DEFAULT_COMPLETED_TTL = Duration.ofHours(24);
    /** The in-progress TTL when the provider gives no deadline: 15 minutes. */
    public static final Duration FALLBACK_IN_PROGRESS_TTL = Duration.ofMinutes(15);
    /** Added to the invocation's remaining time for the default in-progress TTL. */
    public static final Duration IN_PROGRESS_GRACE = Duration.ofSeconds(10);

    private static final IdempotencyConfig DEFAULTS =
            new IdempotencyConfig(KeyExtractors.standard(), null, DEFAULT_COMPLETED_TTL, null, true, null);

    private final KeyExtractor key;
    private final Duration inProgressTtl;
    private final Duration completedTtl;
    private final String namespace;
    private final boolean keyRequired;
    private final JacksonCodec codec;

    private IdempotencyConfig(KeyExtractor key, Duration inProgressTtl, Duration completedTtl, String namespace,
                              boolean keyRequired, JacksonCodec codec) {
        this.key = key;
        this.inProgressTtl = inProgressTtl;
        this.completedTtl = completedTtl;
        this.namespace = namespace;
        this.keyRequired = keyRequired;
        this.codec = codec;
    }

    /**
     * The defaults: {@link KeyExtractors#standard()} keys, an in-progress TTL of the invocation's remaining
     * time plus {@link #IN_PROGRESS_GRACE}, completed results kept {@link #DEFAULT_COMPLETED_TTL}, keys
     * namespaced by the function name, and a missing key rejected.
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
                namespace, keyRequired, codec);
    }

    /**
     * How long a claim lasts when its invocation never completes or releases it (a crash, a timeout).
     * Keep it longer than the function's timeout, or a slow invocation's duplicate runs beside it.
     *
     * @param ttl a positive duration
     * @return a copy using it; this configuration is unchanged
     * @throws IllegalArgumentException if {@code ttl} is zero or negative
     */
    public IdempotencyConfig withInProgressTtl(Duration ttl) {
        return new IdempotencyConfig(key, positive(ttl, "in-progress TTL"), completedTtl, namespace, keyRequired, codec);
    }

    /**
     * Sets how long a completed result answers duplicates before the key may run again.
     *
     * @param ttl a positive duration; {@link #DEFAULT_COMPLETED_TTL} unless set
     * @return a copy using it; this configuration is unchanged
     * @throws IllegalArgumentException if {@code ttl} is zero or negative
     */
    public IdempotencyConfig withCompletedTtl(Duration ttl) {
        return new IdempotencyConfig(key, inProgressTtl, positive(ttl, "completed TTL"), namespace, keyRequired, codec);
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
        return new IdempotencyConfig(key, inProgressTtl, completedTtl, prefix, keyRequired, codec);
    }

    /**
     * Lets invocations without a key run unprotected instead of being rejected (HTTP 400, or a
     * permanent failure for events). Use it when clients may omit the {@code Idempotency-Key} header.
     *
     * @return a copy that runs keyless invocations
     */
    public IdempotencyConfig allowingMissingKey() {
        return new IdempotencyConfig(key, inProgressTtl, completedTtl, namespace, false, codec);
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
                Objects.requireNonNull(jsonCodec, "codec"));
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
     *         {@link #IN_PROGRESS_GRACE}, else {@link #FALLBACK_IN_PROGRESS_TTL} without a deadline
     */
    public Duration inProgressTtlFor(Context context) {
        if (inProgressTtl != null) {
            return inProgressTtl;
        }
        return context.deadline().isPresent() ? context.remainingTime().plus(IN_PROGRESS_GRACE) : FALLBACK_IN_PROGRESS_TTL;
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
                + ", keyRequired=" + keyRequired + "}";
    }
}
