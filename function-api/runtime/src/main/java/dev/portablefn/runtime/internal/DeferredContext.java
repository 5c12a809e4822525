package dev.portablefn.runtime.internal;

import dev.portablefn.api.Context;
import dev.portablefn.api.Provider;
import dev.portablefn.api.TraceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * A {@link Context} whose request id and trace are worked out the first time someone asks for them, for adapters
 * whose provider makes them costly and tells no deadline (GCP and Azure): parsing the trace header, or reading
 * an execution id that may have to be generated, is then skipped by every invocation that neither logs with an
 * MDC nor asks. Everything else is given when it is made.
 */
public final class DeferredContext implements Context {

    private final Provider provider;
    private final String functionName;
    private final Logger logger;
    private final Clock clock;
    private final Object nativeContext;
    /** The request id given when made, or {@code null} when it comes from {@link #requestIdSource}. */
    private final String givenRequestId;
    private final Supplier<String> requestIdSource;
    /**
     * {@code null} until worked out from {@link #requestIdSource}, once: a generated id must never change. Apart
     * from {@link #givenRequestId} because a volatile write in the constructor costs a fence on every invocation.
     */
    private volatile String sourcedRequestId;
    private final Supplier<TraceContext> traceSource;
    /**
     * {@code null} until worked out. Racy but safe without locking: racing threads each parse an equal trace, and
     * {@link Optional} and {@link TraceContext} publish safely through their final fields.
     */
    private Optional<TraceContext> trace;

    private DeferredContext(Provider provider, String functionName, Logger logger, Clock clock, Object nativeContext,
                            String requestId, Supplier<String> requestIdSource, Supplier<TraceContext> traceSource) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.functionName = Objects.requireNonNull(functionName, "function name");
        this.logger = Objects.requireNonNull(logger, "logger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nativeContext = nativeContext;
        this.givenRequestId = requestId;
        this.requestIdSource = requestIdSource;
        this.traceSource = Objects.requireNonNull(traceSource, "trace source");
    }

    /**
     * Makes a context whose request id is known and whose trace is worked out on first use.
     *
     * @param provider      the platform
     * @param functionName  the deployed function's name
     * @param logger        the logger {@link #logger()} gives
     * @param clock         the clock the invocation measures time with
     * @param nativeContext the provider's context object, or {@code null}
     * @param requestId     the invocation id
     * @param trace         gives the trace, or {@code null} when there is none; may be called by two racing threads,
     *                      so it must give equal answers
     * @return the context
     */
    public static DeferredContext withRequestId(Provider provider, String functionName, Logger logger, Clock clock,
                                                Object nativeContext, String requestId, Supplier<TraceContext> trace) {
        return new DeferredContext(provider, functionName, logger, clock, nativeContext,
                Objects.requireNonNull(requestId, "request id"), null, trace);
    }

    /**
     * Makes a context whose request id and trace are both worked out on first use.
     *
     * @param provider      the platform
     * @param functionName  the deployed function's name
     * @param logger        the logger {@link #logger()} gives
     * @param clock         the clock the invocation measures time with
     * @param nativeContext the provider's context object, or {@code null}
     * @param requestId     gives the invocation id, possibly a generated one; called once, its answer kept
     * @param trace         gives the trace, or {@code null} when there is none; may be called by two racing threads,
     *                      so it must give equal answers
     * @return the context
     */
    public static DeferredContext withRequestIdFrom(Provider provider, String functionName, Logger logger, Clock clock,
                                                    Object nativeContext, Supplier<String> requestId,
                                                    Supplier<TraceContext> trace) {
        return new DeferredContext(provider, functionName, logger, clock, nativeContext, null,
                Objects.requireNonNull(requestId, "request id source"), trace);
    }

    @Override
    public String requestId() {
        String id = givenRequestId;
        if (id != null) {
            return id;
        }
        id = sourcedRequestId;
        return id != null ? id : requestIdFromSource();
    }

    private synchronized String requestIdFromSource() {
        String id = sourcedRequestId;
        if (id == null) {
            id = Objects.requireNonNull(requestIdSource.get(), "the request id source gave no id");
            sourcedRequestId = id;
        }
        return id;
    }

    @Override
    public String functionName() {
        return functionName;
    }

    @Override
    public Provider provider() {
        return provider;
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.empty();
    }

    @Override
    public Duration remainingTime() {   // the interface's default, without an Optional chain per call
        return NO_DEADLINE;
    }

    @Override
    public Optional<TraceContext> trace() {
        Optional<TraceContext> known = trace;
        if (known == null) {
            known = Optional.ofNullable(traceSource.get());
            trace = known;
        }
        return known;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Logger logger() {
        return logger;
    }

    @Override
    public <U> U unwrap(Class<U> type) {
        if (type.isInstance(nativeContext)) {
            return type.cast(nativeContext);
        }
        throw new IllegalArgumentException("the " + provider + " context of " + functionName + " does not wrap a "
                + type.getName() + "; it wraps " + (nativeContext == null ? "nothing" : nativeContext.getClass().getName()));
    }

    @Override
    public String toString() {
        return "Context[requestId=" + requestId() + ", functionName=" + functionName + ", provider=" + provider + "]";
    }
}
