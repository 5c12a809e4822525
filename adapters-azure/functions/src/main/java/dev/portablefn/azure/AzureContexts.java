package dev.portablefn.azure;

import com.microsoft.azure.functions.ExecutionContext;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.Provider;
import dev.portablefn.api.TraceContext;
import dev.portablefn.runtime.internal.trace.TraceHeaders;
import dev.portablefn.runtime.internal.DeferredContext;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the portable {@link Context} of one Azure invocation: the invocation id, function name and W3C trace
 * from the {@link ExecutionContext}; its logger writes to the invocation's own logger so lines appear
 * under the invocation in Application Insights. Azure does not tell the deadline. The {@code traceparent} is
 * parsed on the first {@link Context#trace()} call, so invocations nobody asks the trace of do not pay for it. A
 * message that carries its publisher's trace is continued ({@link #forMessage}).
 */
final class AzureContexts {

    /** The message attribute carrying the publisher's W3C trace. */
    static final String TRACEPARENT = "traceparent";
    /** The Service Bus application property Azure SDKs carry the W3C trace in. */
    static final String DIAGNOSTIC_ID = "Diagnostic-Id";

    private AzureContexts() {
    }

    static Context from(ExecutionContext context, Clock clock) {
        return from(context, clock, null);
    }

    /**
     * Gives the context of an invocation triggered by a message that carries its publisher's W3C trace, so the
     * function continues it: the message's {@code traceparent} attribute (or Service Bus's {@code Diagnostic-Id},
     * which Azure SDKs set to the same value) unless the host's own trace already has the message's trace id.
     * Hosts do not continue a Storage queue message's trace, and need not continue Service Bus's or Event Grid's.
     *
     * @param hostContext the context made from the host's trace alone, returned when the message carries none
     * @param message     the decoded message
     * @return the context the function runs with
     */
    static Context forMessage(Context hostContext, Event<?> message, ExecutionContext context, Clock clock) {
        Map<String, String> attributes = message.attributes();
        String carried = attributes.getOrDefault(TRACEPARENT, attributes.get(DIAGNOSTIC_ID));
        return carried == null ? hostContext : from(context, clock, carried);
    }

    /** @return the message's trace, unless it is missing or malformed or the host's trace already continues it */
    static TraceContext continued(String hostTraceparent, String messageTraceparent) {
        TraceContext host = TraceHeaders.fromTraceparent(hostTraceparent).orElse(null);
        TraceContext message = TraceHeaders.fromTraceparent(messageTraceparent).orElse(null);
        if (message == null || host != null && host.traceId().equals(message.traceId())) {
            return host;
        }
        return message;
    }

    private static Context from(ExecutionContext context, Clock clock, String messageTraceparent) {
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
        String name = functionName == null || functionName.isBlank() ? "azure-function" : functionName;
        Logger logger = julLogger == null ? LoggerFactory.getLogger("dev.portablefn.function." + name)
                : loggerFor(name, julLogger);
        String traceparent = traceparent(context);
        // Azure does not tell the deadline; the trace is parsed only if someone asks for it.
        return DeferredContext.withRequestId(Provider.AZURE, name, logger, clock, context,
                invocationId == null || invocationId.isBlank() ? UUID.randomUUID().toString() : invocationId,
                messageTraceparent == null ? () -> TraceHeaders.fromTraceparent(traceparent).orElse(null)
                        : () -> continued(traceparent, messageTraceparent));
    }

    /** @return the worker's W3C {@code traceparent}, or {@code null} when it sends none */
    private static String traceparent(ExecutionContext context) {
        try {
            com.microsoft.azure.functions.TraceContext azureTrace = context.getTraceContext();
            return azureTrace == null ? null : azureTrace.getTraceparent();
        } catch (RuntimeException olderWorker) {
            return null;   // workers before trace support throw from the default method; run without a trace
        }
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
}
