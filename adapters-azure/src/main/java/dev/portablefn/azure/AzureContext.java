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
 * under the invocation in Application Insights. Azure does not tell the deadline.
 */
record AzureContext(String requestId, String functionName, TraceContext traceOrNull, Clock clock, Logger logger,
                    ExecutionContext nativeContext) implements Context {

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
        TraceContext trace = null;
        try {
            com.microsoft.azure.functions.TraceContext azureTrace = context.getTraceContext();
            if (azureTrace != null) {
                trace = TraceContext.fromTraceparent(azureTrace.getTraceparent()).orElse(null);
            }
        } catch (RuntimeException olderWorker) {
            // Workers before trace support throw from the default method; run without a trace.
            trace = null;
        }
        String name = functionName == null || functionName.isBlank() ? "azure-function" : functionName;
        Logger logger = julLogger == null ? LoggerFactory.getLogger("dev.portablefn.function." + name)
                : loggerFor(name, julLogger);
        return new AzureContext(invocationId == null || invocationId.isBlank() ? UUID.randomUUID().toString() : invocationId,
                name, trace, clock, logger, context);
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
    public Provider provider() {
        return Provider.AZURE;
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.empty();
    }

    @Override
    public Optional<TraceContext> trace() {
        return Optional.ofNullable(traceOrNull);
    }

    @Override
    public <U> U unwrap(Class<U> type) {
        if (type.isInstance(nativeContext)) {
            return type.cast(nativeContext);
        }
        throw new IllegalArgumentException("the AZURE context of " + functionName + " does not wrap a " + type.getName()
                + "; it wraps " + nativeContext.getClass().getName());
    }
}
