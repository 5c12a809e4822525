package dev.portablefn.api;

import dev.portablefn.api.TraceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a function knows about its invocation, the same on every provider: the request id, the
 * function name, the provider, the deadline, the trace, and a logger whose MDC carries
 * {@code requestId}, {@code traceId} and {@code functionName} while the function runs.
 */
public interface Context {

    /** MDC key of the request id. */
    String MDC_REQUEST_ID = "requestId";
    /** MDC key of the trace id. */
    String MDC_TRACE_ID = "traceId";
    /** MDC key of the function name. */
    String MDC_FUNCTION_NAME = "functionName";
    /** MDC key of the provider. */
    String MDC_PROVIDER = "provider";

    /** @return the provider's id for this invocation (Lambda request id, Azure invocation id, GCP event or execution id) */
    String requestId();

    /** @return the deployed function's name */
    String functionName();

    /** @return the platform the function runs on */
    Provider provider();

    /** @return the instant the provider stops the invocation, when it says; Azure and GCP HTTP do not */
    Optional<Instant> deadline();

    /**
     * @return the time left before {@link #deadline()}, never negative; {@link Duration#ZERO} once it has passed,
     *         and a very long duration when there is no deadline
     */
    default Duration remainingTime() {
        return deadline()
                .map(d -> Duration.between(clock().instant(), d))
                .map(left -> left.isNegative() ? Duration.ZERO : left)
                .orElse(ChronoUnitHolder.NO_DEADLINE);
    }

    /** @return the trace this invocation belongs to, when the caller or provider sent one */
    Optional<TraceContext> trace();

    /** @return the 32-hex-digit trace id, when there is a trace */
    default Optional<String> traceId() {
        return trace().map(TraceContext::traceId);
    }

    /** @return the clock this invocation measures time with; tests substitute a controllable one */
    Clock clock();

    /** @return a logger named after the function; its MDC holds the request id, trace id and function name */
    Logger logger();

    /**
     * Gives the provider's native context (Lambda {@code Context}, Azure {@code ExecutionContext}, ...).
     *
     * @param type the expected native type
     * @param <U>  the native type
     * @return the native context
     * @throws IllegalArgumentException if there is no native context of that type
     */
    <U> U unwrap(Class<U> type);

    /**
     * Starts a context; adapters and tests use this.
     *
     * @return a builder
     */
    static Builder builder() {
        return new Builder();
    }

    /** Builds the library's immutable {@link Context}; request id, function name and provider are required. */
    final class Builder {
        private String requestId;
        private Supplier<String> requestIdSource;
        private String functionName;
        private Provider provider;
        private Instant deadline;
        private TraceContext trace;
        private Supplier<TraceContext> traceSource;
        private Clock clock = Clock.systemUTC();
        private Object nativeContext;
        private Logger logger;

        private Builder() {
        }

        /**
         * @param requestId the invocation id
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            this.requestIdSource = null;
            return this;
        }

        /**
         * Sets a request id that is worked out on the first {@link Context#requestId()} call rather than now:
         * adapters whose provider may not send one read or generate it this way, so an invocation nobody asks the
         * id of does not pay for it.
         *
         * @param source gives the id; called at most once per context, and its answer is kept
         * @return this builder
         */
        public Builder requestIdFrom(Supplier<String> source) {
            this.requestIdSource = Objects.requireNonNull(source, "request id source");
            this.requestId = null;
            return this;
        }

        /**
         * @param functionName the function's name
         * @return this builder
         */
        public Builder functionName(String functionName) {
            this.functionName = functionName;
            return this;
        }

        /**
         * @param provider the platform
         * @return this builder
         */
        public Builder provider(Provider provider) {
            this.provider = provider;
            return this;
        }

        /**
         * @param deadline when the invocation is stopped, or {@code null}
         * @return this builder
         */
        public Builder deadline(Instant deadline) {
            this.deadline = deadline;
            return this;
        }

        /**
         * @param trace the trace, or {@code null}
         * @return this builder
         */
        public Builder trace(TraceContext trace) {
            this.trace = trace;
            this.traceSource = null;
            return this;
        }

        /**
         * Sets a trace that is worked out on the first {@link Context#trace()} call rather than now: adapters parse
         * trace headers this way, so an invocation nobody asks the trace of does not pay for parsing it.
         *
         * @param source gives the trace, or {@code null} when there is none; must give the same answer every time
         *               (two threads racing on the first call may both call it)
         * @return this builder
         */
        public Builder traceFrom(Supplier<TraceContext> source) {
            this.traceSource = Objects.requireNonNull(source, "trace source");
            this.trace = null;
            return this;
        }

        /**
         * @param clock the clock for {@link Context#remainingTime()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param logger the logger {@link Context#logger()} gives, or {@code null} for the library's logger named
         *               {@code dev.portablefn.function.<function name>}; adapters pass the provider's own
         * @return this builder
         */
        public Builder logger(Logger logger) {
            this.logger = logger;
            return this;
        }

        /**
         * @param nativeContext the provider's context object, or {@code null}
         * @return this builder
         */
        public Builder nativeContext(Object nativeContext) {
            this.nativeContext = nativeContext;
            return this;
        }

        /**
         * @return the context
         * @throws NullPointerException if request id, function name or provider is missing
         */
        public Context build() {
            if (requestId == null && requestIdSource == null) {
                throw new NullPointerException("a context needs a request id");
            }
            Objects.requireNonNull(functionName, "a context needs a function name");
            Objects.requireNonNull(provider, "a context needs a provider");
            return new SimpleContext(requestId, requestIdSource, functionName, provider, deadline, trace, traceSource, clock,
                    nativeContext, logger != null ? logger : FunctionLoggers.forFunction(functionName));
        }
    }
}

/** One logger per function name, looked up once: contexts are built on every invocation. */
final class FunctionLoggers {
    private static final java.util.concurrent.ConcurrentHashMap<String, Logger> LOGGERS = new java.util.concurrent.ConcurrentHashMap<>();

    private FunctionLoggers() {
    }

    static Logger forFunction(String functionName) {
        Logger logger = LOGGERS.get(functionName);
        if (logger == null) {
            logger = LOGGERS.computeIfAbsent(functionName, name -> LoggerFactory.getLogger("dev.portablefn.function." + name));
        }
        return logger;
    }
}

/** Holds the "no deadline" constant out of the public interface. */
final class ChronoUnitHolder {
    static final Duration NO_DEADLINE = Duration.ofDays(365);

    private ChronoUnitHolder() {
    }
}

/**
 * The context {@link Context.Builder} builds: immutable, apart from remembering a request id and a trace worked out
 * on first use.
 */
final class SimpleContext implements Context {
    /** {@code null} until worked out from {@link #requestIdSource}, once: a generated id must not change. */
    private volatile String requestId;
    private final Supplier<String> requestIdSource;
    private final String functionName;
    private final Provider provider;
    private final Instant deadlineOrNull;
    private final Supplier<TraceContext> traceSource;
    private final Clock clock;
    private final Object nativeContext;
    private final Logger logger;
    /** {@code null} until worked out from {@link #traceSource}; racy but idempotent, and {@link Optional} is immutable. */
    private Optional<TraceContext> trace;

    SimpleContext(String requestId, Supplier<String> requestIdSource, String functionName, Provider provider,
                  Instant deadlineOrNull, TraceContext trace, Supplier<TraceContext> traceSource, Clock clock,
                  Object nativeContext, Logger logger) {
        this.requestId = requestId;
        this.requestIdSource = requestIdSource;
        this.functionName = functionName;
        this.provider = provider;
        this.deadlineOrNull = deadlineOrNull;
        this.traceSource = traceSource;
        this.trace = traceSource == null ? Optional.ofNullable(trace) : null;
        this.clock = clock;
        this.nativeContext = nativeContext;
        this.logger = logger;
    }

    @Override
    public String requestId() {
        String id = requestId;
        return id != null ? id : requestIdFromSource();
    }

    private synchronized String requestIdFromSource() {
        String id = requestId;
        if (id == null) {
            id = Objects.requireNonNull(requestIdSource.get(), "the request id source gave no id");
            requestId = id;
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
        return Optional.ofNullable(deadlineOrNull);
    }

    @Override
    public Duration remainingTime() {   // the interface's default, without an Optional and two lambdas per call
        if (deadlineOrNull == null) {
            return ChronoUnitHolder.NO_DEADLINE;
        }
        Duration left = Duration.between(clock.instant(), deadlineOrNull);
        return left.isNegative() ? Duration.ZERO : left;
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
