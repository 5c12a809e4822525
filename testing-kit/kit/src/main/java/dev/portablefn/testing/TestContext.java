package dev.portablefn.testing;

import dev.portablefn.api.Context;
import dev.portablefn.api.Provider;
import dev.portablefn.api.TraceContext;
import dev.portablefn.runtime.internal.trace.TraceHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * A {@link Context} for unit tests: a controllable {@link TestClock}, a deadline you choose, an
 * optional trace, and a logger that records what the function logs (see {@link #logs()}).
 * {@code TestContext.create()} gives sensible defaults; {@link #builder()} changes them.
 */
public final class TestContext implements Context {

    /** The values, held by the API's own context so that deadline and trace behave exactly as in production. */
    private final Context values;
    private final TestClock clock;
    private final Object nativeContext;
    private final List<CapturedLog> logs = new ArrayList<>();

    private TestContext(Builder builder) {
        this.clock = builder.clock;
        this.nativeContext = builder.nativeContext;
        Map<String, String> mdc = new HashMap<>();
        mdc.put(MDC_REQUEST_ID, builder.requestId);
        mdc.put(MDC_FUNCTION_NAME, builder.functionName);
        mdc.put(MDC_PROVIDER, builder.provider.name());
        if (builder.trace != null) {
            mdc.put(MDC_TRACE_ID, builder.trace.traceId());
        }
        Context.Builder values = Context.builder()
                .requestId(builder.requestId)
                .functionName(builder.functionName)
                .provider(builder.provider)
                .clock(clock)
                .nativeContext(nativeContext)
                .logger(new RecordingLogger("dev.portablefn.function." + builder.functionName, clock, mdc, this::record));
        Instant deadline = builder.deadline != null ? builder.deadline
                : builder.timeout == null ? null : clock.instant().plus(builder.timeout);
        if (deadline != null) {
            values.deadline(deadline);
        }
        if (builder.trace != null) {
            values.trace(builder.trace);
        }
        this.values = values.build();
    }

    /** @return a context for function {@code test-function}, request {@code test-request-1}, a 30 s deadline */
    public static TestContext create() {
        return builder().build();
    }

    /** @return a builder starting from the defaults of {@link #create()} */
    public static Builder builder() {
        return new Builder();
    }

    private synchronized void record(CapturedLog line) {
        logs.add(line);
    }

    /** @return what the function logged through {@link #logger()}, in order */
    public synchronized List<CapturedLog> logs() {
        return List.copyOf(logs);
    }

    /** @return the controllable clock behind {@link #clock()} */
    public TestClock testClock() {
        return clock;
    }

    @Override
    public String requestId() {
        return values.requestId();
    }

    @Override
    public String functionName() {
        return values.functionName();
    }

    @Override
    public Provider provider() {
        return values.provider();
    }

    @Override
    public Optional<Instant> deadline() {
        return values.deadline();
    }

    @Override
    public Duration remainingTime() {
        return values.remainingTime();
    }

    @Override
    public Optional<TraceContext> trace() {
        return values.trace();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Logger logger() {
        return values.logger();
    }

    @Override
    public <U> U unwrap(Class<U> type) {
        if (type.isInstance(nativeContext)) {
            return type.cast(nativeContext);
        }
        throw new IllegalArgumentException("this test context wraps " + (nativeContext == null ? "nothing"
                : nativeContext.getClass().getName()) + ", not a " + type.getName()
                + "; set one with TestContext.builder().nativeContext(..)");
    }

    @Override
    public String toString() {
        return "TestContext{" + values.functionName() + ", " + values.requestId() + "}";
    }

    /** Changes the defaults of a {@link TestContext}. */
    public static final class Builder {
        private String requestId = "test-request-1";
        private String functionName = "test-function";
        private Provider provider = Provider.LOCAL;
        private TestClock clock;
        private Duration timeout = Duration.ofSeconds(30);
        private Instant deadline;
        private TraceContext trace;
        private Object nativeContext;

        private Builder() {
        }

        /** @param requestId the invocation id @return this builder */
        public Builder requestId(String requestId) {
            this.requestId = Objects.requireNonNull(requestId, "requestId");
            return this;
        }

        /** @param functionName the function name @return this builder */
        public Builder functionName(String functionName) {
            this.functionName = Objects.requireNonNull(functionName, "functionName");
            return this;
        }

        /** @param provider the provider the function believes it runs on @return this builder */
        public Builder provider(Provider provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /** @param clock the clock; a fresh {@link TestClock#create()} by default @return this builder */
        public Builder clock(TestClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @param timeout time from the clock's current instant to the deadline @return this builder */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            this.deadline = null;
            return this;
        }

        /** @param deadline the absolute deadline @return this builder */
        public Builder deadline(Instant deadline) {
            this.deadline = Objects.requireNonNull(deadline, "deadline");
            return this;
        }

        /** @return this builder, for a context without a deadline (like Azure and GCP HTTP) */
        public Builder noDeadline() {
            this.deadline = null;
            this.timeout = null;
            return this;
        }

        /**
         * @param traceparent a W3C traceparent header value
         * @return this builder
         * @throws IllegalArgumentException if the value is not a valid traceparent
         */
        public Builder traceparent(String traceparent) {
            this.trace = TraceHeaders.fromTraceparent(traceparent).orElseThrow(() -> new IllegalArgumentException(
                    "'" + traceparent + "' is not a W3C traceparent such as 00-<32 hex>-<16 hex>-01"));
            return this;
        }

        /** @param nativeContext what {@link Context#unwrap} returns @return this builder */
        public Builder nativeContext(Object nativeContext) {
            this.nativeContext = nativeContext;
            return this;
        }

        /** @return the context */
        public TestContext build() {
            if (clock == null) {
                clock = TestClock.create();
            }
            return new TestContext(this);
        }
    }
}
