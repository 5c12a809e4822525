package dev.portablefn.doubles.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.RetryContext;
import com.microsoft.azure.functions.RpcException;
import com.microsoft.azure.functions.TraceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * An Azure Functions {@link ExecutionContext} for tests and benchmarks: invocation id, function name, a W3C
 * {@link TraceContext} (its {@code traceparent} {@code null} unless you give one), an optional retry count, and a
 * {@code java.util.logging} logger whose records are kept ({@link #logs()}) instead of printed. Like the Java
 * worker's, its trace and retry contexts are made once, with the context, and handed out as they are.
 */
public final class FakeExecutionContext implements ExecutionContext {

    private final String invocationId;
    private final String functionName;
    private final TraceContext trace;
    private final RetryContext retry;
    private final Logger logger;
    private final List<LogRecord> records = new ArrayList<>();

    private FakeExecutionContext(Builder builder) {
        this.invocationId = builder.invocationId;
        this.functionName = builder.functionName;
        this.trace = new Trace(builder.traceparent);
        this.retry = builder.retryCount == null ? null : new Retry(builder.retryCount, Math.max(builder.retryCount, 5));
        // An anonymous logger per context: records stay with this invocation and never reach the console.
        this.logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (records) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    /**
     * Makes a context with every default.
     *
     * @return a context for function {@code test-function}, invocation {@code test-invocation-1}, no trace or retry
     */
    public static FakeExecutionContext create() {
        return builder().build();
    }

    /**
     * Starts a context from the defaults of {@link #create()}.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Tells what was logged.
     *
     * @return the records logged through {@link #getLogger()}, in order
     */
    public List<LogRecord> logs() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /**
     * Gives the logger the worker ties to this invocation.
     *
     * @return the recording logger
     */
    @Override
    public Logger getLogger() {
        return logger;
    }

    /**
     * Tells the invocation id.
     *
     * @return the invocation id
     */
    @Override
    public String getInvocationId() {
        return invocationId;
    }

    /**
     * Tells the function name.
     *
     * @return the {@code @FunctionName}
     */
    @Override
    public String getFunctionName() {
        return functionName;
    }

    /**
     * Gives the trace context.
     *
     * @return the same trace context on every call; its traceparent is {@code null} unless one was given
     */
    @Override
    public TraceContext getTraceContext() {
        return trace;
    }

    /**
     * Gives the retry context.
     *
     * @return the same retry context on every call when a retry count was given, else {@code null} (no retry policy)
     */
    @Override
    public RetryContext getRetryContext() {
        return retry;
    }

    /**
     * Describes this double briefly.
     *
     * @return the function name and invocation id, for test failure messages
     */
    @Override
    public String toString() {
        return "FakeExecutionContext{" + functionName + ", " + invocationId + "}";
    }

    private record Trace(String traceparent) implements TraceContext {
        @Override
        public String getTraceparent() {
            return traceparent;
        }

        @Override
        public String getTracestate() {
            return "";
        }

        @Override
        public Map<String, String> getAttributes() {
            return Map.of();
        }
    }

    private record Retry(int count, int maximum) implements RetryContext {
        @Override
        public int getRetrycount() {
            return count;
        }

        @Override
        public int getMaxretrycount() {
            return maximum;
        }

        @Override
        public RpcException getException() {
            return null;
        }
    }

    /** Changes the defaults of a {@link FakeExecutionContext}. */
    public static final class Builder {
        private String invocationId = "test-invocation-1";
        private String functionName = "test-function";
        private String traceparent;
        private Integer retryCount;

        private Builder() {
        }

        /**
         * Sets the invocation id.
         *
         * @param id the invocation id
         * @return this builder
         */
        public Builder invocationId(String id) {
            this.invocationId = Objects.requireNonNull(id, "invocationId");
            return this;
        }

        /**
         * Sets the function name.
         *
         * @param name the {@code @FunctionName}
         * @return this builder
         */
        public Builder functionName(String name) {
            this.functionName = Objects.requireNonNull(name, "functionName");
            return this;
        }

        /**
         * Sets the W3C trace header the host passes.
         *
         * @param value a {@code traceparent} value, or {@code null} for none
         * @return this builder
         */
        public Builder traceparent(String value) {
            this.traceparent = value;
            return this;
        }

        /**
         * Sets the retry policy's count, which makes {@link #getRetryContext()} non-null.
         *
         * @param count the retry count, 0 on the first run; the maximum is reported as 5, or the count if higher
         * @return this builder
         * @throws IllegalArgumentException if it is negative
         */
        public Builder retryCount(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("retryCount must be zero or positive, got " + count);
            }
            this.retryCount = count;
            return this;
        }

        /**
         * Builds the context.
         *
         * @return the context
         */
        public FakeExecutionContext build() {
            return new FakeExecutionContext(this);
        }
    }
}
