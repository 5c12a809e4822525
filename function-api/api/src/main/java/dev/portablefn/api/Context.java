package dev.portablefn.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a function knows about its invocation, the same on every provider: the request id, the
 * function name, the provider, the deadline, the trace, and a logger whose MDC carries
 * {@code requestId}, {@code traceId}, {@code spanId} and {@code functionName} while the function runs. Adapters give each
 * invocation one; {@link #builder()} makes one from plain values, for adapters and tests.
 */
public interface Context {

    /** What {@link #remainingTime()} gives when the provider tells no deadline: a year, longer than any invocation. */
    Duration NO_DEADLINE = Duration.ofDays(365);

    /** MDC key of the request id. */
    String MDC_REQUEST_ID = "requestId";
    /** MDC key of the trace id. */
    String MDC_TRACE_ID = "traceId";
    /** MDC key of the span id the invocation was called from, when its trace names one. */
    String MDC_SPAN_ID = "spanId";
    /** MDC key of the function name. */
    String MDC_FUNCTION_NAME = "functionName";
    /** MDC key of the provider. */
    String MDC_PROVIDER = "provider";

    /**
     * Gives the provider's id for this invocation, the one its own logs and consoles show.
     *
     * @return the Lambda request id, Azure invocation id, or GCP event or execution id
     */
    String requestId();

    /**
     * Gives the name the function is deployed under.
     *
     * @return the deployed function's name
     */
    String functionName();

    /**
     * Gives the platform running the function.
     *
     * @return the provider
     */
    Provider provider();

    /**
     * Gives the instant the provider stops the invocation.
     *
     * @return the deadline, or empty when the provider does not tell it (Azure and GCP HTTP do not)
     */
    Optional<Instant> deadline();

    /**
     * Gives the time left before {@link #deadline()}, measured with {@link #clock()}.
     *
     * @return the time left, never negative: {@link Duration#ZERO} once the deadline has passed, and a very long
     *         duration when there is no deadline
     */
    default Duration remainingTime() {
        return deadline()
                .map(d -> Duration.between(clock().instant(), d))
                .map(left -> left.isNegative() ? Duration.ZERO : left)
                .orElse(NO_DEADLINE);
    }

    /**
     * Gives the distributed trace this invocation belongs to.
     *
     * @return the trace, or empty when neither the caller nor the provider sent one
     */
    Optional<TraceContext> trace();

    /**
     * Gives the id of {@link #trace()}.
     *
     * @return the 32-hex-digit trace id, or empty when there is no trace
     */
    default Optional<String> traceId() {
        return trace().map(TraceContext::traceId);
    }

    /**
     * Gives the W3C {@code traceparent} header value for HTTP calls the function makes itself, so the service it
     * calls continues this invocation's trace. Messages published through the library's {@code Publisher} carry it
     * already.
     *
     * @return {@code 00-<trace id>-<span id>-<flags>}, or empty when the invocation has no trace
     */
    default Optional<String> traceparent() {
        return trace().map(TraceContext::toTraceparent);
    }

    /**
     * Gives the clock this invocation measures time with; tests substitute a controllable one.
     *
     * @return the clock
     */
    Clock clock();

    /**
     * Gives a logger for the function; while it runs, the MDC holds the request id, trace id and function name.
     *
     * @return a logger named after the function
     */
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
     * Starts a context from plain values; adapters and tests use this.
     *
     * @return a builder
     */
    static Builder builder() {
        return new Builder();
    }

    /** Builds the library's immutable {@link Context}; request id, function name and provider are required. */
    final class Builder {
        private String requestId;
        private String functionName;
        private Provider provider;
        private Instant deadline;
        private TraceContext trace;
        private Clock clock = Clock.systemUTC();
        private Object nativeContext;
        private Logger logger;

        private Builder() {
        }

        /**
         * Sets the provider's id for the invocation.
         *
         * @param requestId the invocation id
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /**
         * Sets the name the function is deployed under.
         *
         * @param functionName the function's name
         * @return this builder
         */
        public Builder functionName(String functionName) {
            this.functionName = functionName;
            return this;
        }

        /**
         * Sets the platform running the function.
         *
         * @param provider the platform
         * @return this builder
         */
        public Builder provider(Provider provider) {
            this.provider = provider;
            return this;
        }

        /**
         * Sets the instant the provider stops the invocation.
         *
         * @param deadline when the invocation is stopped, or {@code null} when the provider does not tell
         * @return this builder
         */
        public Builder deadline(Instant deadline) {
            this.deadline = deadline;
            return this;
        }

        /**
         * Sets the distributed trace the invocation belongs to.
         *
         * @param trace the trace, or {@code null} for none
         * @return this builder
         */
        public Builder trace(TraceContext trace) {
            this.trace = trace;
            return this;
        }

        /**
         * Sets the clock {@link Context#remainingTime()} measures with; the UTC system clock by default.
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException if the clock is {@code null}
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the logger {@link Context#logger()} gives; adapters pass the provider's own.
         *
         * @param logger the logger, or {@code null} for the library's logger named
         *               {@code dev.portablefn.function.<function name>}
         * @return this builder
         */
        public Builder logger(Logger logger) {
            this.logger = logger;
            return this;
        }

        /**
         * Sets the provider's context object, which {@link Context#unwrap(Class)} gives back.
         *
         * @param nativeContext the provider's context object, or {@code null}
         * @return this builder
         */
        public Builder nativeContext(Object nativeContext) {
            this.nativeContext = nativeContext;
            return this;
        }

        /**
         * Makes the context.
         *
         * @return the context
         * @throws NullPointerException if request id, function name or provider is missing
         */
        public Context build() {
            Objects.requireNonNull(requestId, "a context needs a request id");
            Objects.requireNonNull(functionName, "a context needs a function name");
            Objects.requireNonNull(provider, "a context needs a provider");
            return new SimpleContext(requestId, functionName, provider, deadline, trace, clock, nativeContext,
                    logger != null ? logger : FunctionLoggers.forFunction(functionName));
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

/** The context {@link Context.Builder} builds: immutable. */
final class SimpleContext implements Context {
    private final String requestId;
    private final String functionName;
    private final Provider provider;
    private final Instant deadlineOrNull;
    private final Optional<TraceContext> trace;
    private final Clock clock;
    private final Object nativeContext;
    private final Logger logger;

    SimpleContext(String requestId, String functionName, Provider provider, Instant deadlineOrNull, TraceContext trace,
                  Clock clock, Object nativeContext, Logger logger) {
        this.requestId = requestId;
        this.functionName = functionName;
        this.provider = provider;
        this.deadlineOrNull = deadlineOrNull;
        this.trace = Optional.ofNullable(trace);
        this.clock = clock;
        this.nativeContext = nativeContext;
        this.logger = logger;
    }

    @Override
    public String requestId() {
        return requestId;
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
            return NO_DEADLINE;
        }
        Duration left = Duration.between(clock.instant(), deadlineOrNull);
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public Optional<TraceContext> trace() {
        return trace;
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
        return "Context[requestId=" + requestId + ", functionName=" + functionName + ", provider=" + provider + "]";
    }
}
