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
 * created for every request, and the runtime already holds the function's logger.
 */
record GcpContext(String requestId, String functionName, TraceContext traceOrNull, Object nativeContext, Logger logger)
        implements Context {

    GcpContext {
        Objects.requireNonNull(requestId, "a context needs a request id");
        Objects.requireNonNull(functionName, "a context needs a function name");
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
        return Optional.ofNullable(traceOrNull);
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public <U> U unwrap(Class<U> type) {
        if (type.isInstance(nativeContext)) {
            return type.cast(nativeContext);
        }
        throw new IllegalArgumentException("the GCP context of " + functionName + " does not wrap a " + type.getName()
                + "; it wraps " + (nativeContext == null ? "nothing" : nativeContext.getClass().getName()));
    }
}
