package dev.portablefn.testing.azure;

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
 * An Azure Functions {@link ExecutionContext} for tests: invocation id, function name, a W3C
 * {@link TraceContext} when you give a {@code traceparent}, an optional retry count, and a
 * {@code java.util.logging} logger whose records are kept ({@link #logs()}) instead of printed.
 */
public final class TestExecutionContext implements ExecutionContext {


    private final String invocationId;
    private final String functionName;
    private final String traceparent;
    private final Integer retryCount;
    private final Logger logger;
    private final List<LogRecord> records = new ArrayList<>();

    private TestExecutionContext(Builder builder) {
        this.invocationId = builder.invocationId;
        this.functionName = builder.functionName;
        this.traceparent = builder.traceparent;
        this.retryCount = builder.retryCount;
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

    /** @return a context for function {@code test-function}, invocation {@code test-invocation-1}, no trace */
    public static TestExecutionContext create() {
        return builder().build();
    }

    /** @return a builder starting from the defaults of {@link #create()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the records logged through {@link #getLogger()}, in order */
    public List<LogRecord> logs() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    @Override
    public Logger getLogger() {
        return logger;
    }

    @Override
    public String getInvocationId() {
        return invocationId;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    /** @return the trace context; its traceparent is {@code null} unless one was given */
    @Override
    public TraceContext getTraceContext() {
        return new TraceContext() {
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
        };
    }

    /** @return the retry context when a retry count was given, else {@code null} (no retry policy) */
    @Override
    public RetryContext getRetryContext() {
        if (retryCount == null) {
            return null;
        }
        int count = retryCount;
        return new RetryContext() {
            @Override
            public int getRetrycount() {
                return count;
            }

            @Override
            public int getMaxretrycount() {
                return Math.max(count, 5);
            }

            @Override
            public RpcException getException() {
                return null;
            }
        };
    }

    @Override
    public String toString() {
        return "TestExecutionContext{" + functionName + ", " + invocationId + "}";
    }

    /** Changes the defaults of a {@link TestExecutionContext}. */
    public static final class Builder {
        private String invocationId = "test-invocation-1";
        private String functionName = "test-function";
        private String traceparent;
        private Integer retryCount;

        private Builder() {
        }

        /** @param id the invocation id @return this builder */
        public Builder invocationId(String id) {
            this.invocationId = Objects.requireNonNull(id, "invocationId");
            return this;
        }

        /** @param name the function name ({@code @FunctionName}) @return this builder */
        public Builder functionName(String name) {
            this.functionName = Objects.requireNonNull(name, "functionName");
            return this;
        }

        /** @param value a W3C traceparent, as the host passes it @return this builder */
        public Builder traceparent(String value) {
            this.traceparent = value;
            return this;
        }

        /** @param count the retry policy's retry count (0 on the first run) @return this builder */
        public Builder retryCount(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("retryCount must be zero or positive, got " + count);
            }
            this.retryCount = count;
            return this;
        }

        /** @return the context */
        public TestExecutionContext build() {
            return new TestExecutionContext(this);
        }
    }
}
