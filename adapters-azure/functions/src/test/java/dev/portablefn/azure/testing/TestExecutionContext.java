package dev.portablefn.azure.testing;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.RetryContext;
import com.microsoft.azure.functions.RpcException;
import com.microsoft.azure.functions.TraceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * An {@link ExecutionContext} for tests: a fixed invocation id and function name, an optional W3C
 * {@code traceparent} and retry count, and a private {@code java.util.logging} logger whose records are kept.
 */
public final class TestExecutionContext implements ExecutionContext {

    private final String invocationId;
    private final String functionName;
    private final String traceparent;
    private final Integer retryCount;
    private final Logger logger;
    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());

    private TestExecutionContext(String invocationId, String functionName, String traceparent, Integer retryCount) {
        this.invocationId = invocationId;
        this.functionName = functionName;
        this.traceparent = traceparent;
        this.retryCount = retryCount;
        this.logger = Logger.getAnonymousLogger();
        this.logger.setUseParentHandlers(false);
        this.logger.setLevel(Level.ALL);
        this.logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
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
     * @param invocationId the invocation id
     * @param functionName the function name
     * @return a context without trace or retry information
     */
    public static TestExecutionContext of(String invocationId, String functionName) {
        return new TestExecutionContext(invocationId, functionName, null, null);
    }

    /** @param header a W3C traceparent value @return a copy carrying it */
    public TestExecutionContext withTraceparent(String header) {
        return new TestExecutionContext(invocationId, functionName, header, retryCount);
    }

    /** @param count the host's retry count (0 on the first attempt) @return a copy carrying it */
    public TestExecutionContext withRetryCount(int count) {
        return new TestExecutionContext(invocationId, functionName, traceparent, count);
    }

    /** @return what was logged through {@link #getLogger()} */
    public List<LogRecord> records() {
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

    @Override
    public TraceContext getTraceContext() {
        if (traceparent == null) {
            return null;
        }
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

    @Override
    public RetryContext getRetryContext() {
        if (retryCount == null) {
            return null;
        }
        return new RetryContext() {
            @Override
            public int getRetrycount() {
                return retryCount;
            }

            @Override
            public int getMaxretrycount() {
                return 5;
            }

            @Override
            public RpcException getException() {
                return null;
            }
        };
    }
}
