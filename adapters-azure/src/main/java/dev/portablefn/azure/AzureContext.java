package dev.portablefn.azure;

import com.microsoft.azure.functions.ExecutionContext;
import dev.portablefn.api.Context;
import dev.portablefn.api.Provider;
import dev.portablefn.api.trace.TraceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portable {@link Context} of one Azure invocation: the invocation id, function name and W3C trace
 * from the {@link ExecutionContext}; its logger writes to the invocation's own logger so lines appear
 * under the invocation in Application Insights. Azure does not tell the deadline. The {@code traceparent} is
 * parsed on the first {@link #trace()} call, so invocations nobody asks the trace of do not pay for it.
 */
final class AzureContext implements Context {

    private final String requestId;
    private final String functionName;
    private final String traceparent;
    private final Clock clock;
    private final Logger logger;
    private final ExecutionContext nativeContext;
    /** The parsed trace (empty once parsing found none), {@code null} until asked for; racy but idempotent. */
    private Optional<TraceContext> trace;

    private AzureContext(String requestId, String functionName, String traceparent, Clock clock, Logger logger,
                         ExecutionContext nativeContext) {
        this.requestId = requestId;
        this.functionName = functionName;
        this.traceparent = traceparent;
        this.clock = clock;
        this.logger = logger;
        this.nativeContext = nativeContext;
    }

    static AzureContext from(ExecutionContext context, Clock clock) {
        String invocationId;
        String functionName;
        java.util.logging.Logger julLogger;
        try {
            invocationId = context.getInvocationId();
        } catch (RuntimeException e) {
            invocationId = null;
        }
        try {
            functionName = context.getFunctionName();
        } catch (RuntimeException e) {
            functionName = null;
        }
        try {
            julLogger = context.getLogger();
        } catch (RuntimeException e) {
            julLogger = null;
        }
        String traceparent = null;
        try {
            com.microsoft.azure.functions.TraceContext azureTrace = context.getTraceContext();
            if (azureTrace != null) {
                traceparent = azureTrace.getTraceparent();
            }
        } catch (RuntimeException olderWorker) {
            // Workers before trace support throw from the default method; run without a trace.
            traceparent = null;
        }
        String name = functionName == null || functionName.isBlank() ? "azure-function" : functionName;
        Logger logger = julLogger == null ? LoggerFactory.getLogger("dev.portablefn.function." + name)
                : loggerFor(name, julLogger);
        return new AzureContext(invocationId == null || invocationId.isBlank() ? UUID.randomUUID().toString() : invocationId,
                name, traceparent, clock, logger, context);
    }

    /** The last logger handed out: the worker's logger and the function are the same on most invocations. */
    private static volatile LastLogger lastLogger = new LastLogger("", null, null);

    private record LastLogger(String functionName, java.util.logging.Logger target, Logger logger) {
    }

    private static Logger loggerFor(String functionName, java.util.logging.Logger julLogger) {
        LastLogger last = lastLogger;
        if (last.target() == julLogger && last.functionName().equals(functionName)) {
            return last.logger();
        }
        Logger logger = new ExecutionContextLogger("dev.portablefn.function." + functionName, julLogger);
        lastLogger = new LastLogger(functionName, julLogger, logger);
        return logger;
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
    public Clock clock() {
        return clock;
    }

    @Override
    public Logger logger() {
        return logger;
    }

    @Override
    public Provider provider() {
        return Provider.AZURE;
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.empty();
    }

    @Override
    public Optional<TraceContext> trace() {
        Optional<TraceContext> parsed = trace;
        if (parsed == null) {
            parsed = TraceContext.fromTraceparent(traceparent);
            trace = parsed;
        }
        return parsed;
    }

    @Override
    public <U> U unwrap(Class<U> type) {
        if (type.isInstance(nativeContext)) {
            return type.cast(nativeContext);
        }
        throw new IllegalArgumentException("the AZURE context of " + functionName + " does not wrap a " + type.getName()
                + "; it wraps " + nativeContext.getClass().getName());
    }

    @Override
    public String toString() {
        return "AzureContext[requestId=" + requestId + ", functionName=" + functionName + "]";
    }
}
