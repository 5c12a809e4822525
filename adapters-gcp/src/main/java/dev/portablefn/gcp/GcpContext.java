package dev.portablefn.gcp;

import dev.portablefn.api.Context;
import dev.portablefn.api.Provider;
import dev.portablefn.api.trace.TraceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * The context of one GCP invocation. Built directly rather than through {@link Context#builder()}: it is
 * created for every request, and the runtime already holds the function's logger. The trace headers are kept
 * as received and parsed on the first {@link #trace()} call, so an invocation nobody asks the trace of does not
 * pay for parsing it.
 */
final class GcpContext implements Context {

    private final String requestId;
    private final String functionName;
    private final String traceparent;
    private final String cloudTraceContext;
    private final Object nativeContext;
    private final Logger logger;
    /** The parsed trace (empty once parsing found none), {@code null} until asked for. Racy but idempotent: every thread parses alike. */
    private Optional<TraceContext> trace;

    /**
     * @param traceparent       the W3C {@code traceparent} value, or {@code null}
     * @param cloudTraceContext the {@code X-Cloud-Trace-Context} value, or {@code null}; used when there is no valid
     *                          {@code traceparent}
     */
    GcpContext(String requestId, String functionName, String traceparent, String cloudTraceContext,
               Object nativeContext, Logger logger) {
        this.requestId = Objects.requireNonNull(requestId, "a context needs a request id");
        this.functionName = Objects.requireNonNull(functionName, "a context needs a function name");
        this.traceparent = traceparent;
        this.cloudTraceContext = cloudTraceContext;
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
        return Provider.GCP;
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.empty();   // GCP does not tell the deadline
    }

    @Override
    public Optional<TraceContext> trace() {
        Optional<TraceContext> parsed = trace;
        if (parsed == null) {
            parsed = TraceContext.firstOf(traceparent, null, cloudTraceContext);
            trace = parsed;
        }
        return parsed;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
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
        throw new IllegalArgumentException("the GCP context of " + functionName + " does not wrap a " + type.getName()
                + "; it wraps " + (nativeContext == null ? "nothing" : nativeContext.getClass().getName()));
    }

    @Override
    public String toString() {
        return "GcpContext[requestId=" + requestId + ", functionName=" + functionName + "]";
    }
}
