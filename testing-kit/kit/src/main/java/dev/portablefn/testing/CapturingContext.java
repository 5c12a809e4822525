package dev.portablefn.testing;

import dev.portablefn.api.Context;
import dev.portablefn.api.Provider;
import dev.portablefn.api.TraceContext;
import dev.portablefn.api.middleware.Middleware;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The adapter's context with a recording logger in place of the provider's: everything else (request id,
 * deadline, trace, native context) is the adapter's own, so tests see what the function would see.
 */
record CapturingContext(Context delegate, RecordingLogger logger) implements Context {

    /** @return the innermost middleware step: swaps the context's logger for one that records into {@code sink} */
    static Middleware capturing(Consumer<CapturedLog> sink) {
        return (invocation, next) -> {
            Context context = invocation.context();
            Map<String, String> mdc = new java.util.HashMap<>();
            mdc.put(MDC_REQUEST_ID, context.requestId());
            mdc.put(MDC_FUNCTION_NAME, context.functionName());
            mdc.put(MDC_PROVIDER, context.provider().name());
            context.traceId().ifPresent(id -> mdc.put(MDC_TRACE_ID, id));
            RecordingLogger logger = new RecordingLogger("dev.portablefn.function." + context.functionName(),
                    context.clock(), mdc, sink);
            return next.proceed(new dev.portablefn.api.middleware.Invocation(invocation.input(),
                    new CapturingContext(context, logger)));
        };
    }

    @Override
    public String requestId() {
        return delegate.requestId();
    }

    @Override
    public String functionName() {
        return delegate.functionName();
    }

    @Override
    public Provider provider() {
        return delegate.provider();
    }

    @Override
    public Optional<Instant> deadline() {
        return delegate.deadline();
    }

    @Override
    public Optional<TraceContext> trace() {
        return delegate.trace();
    }

    @Override
    public Clock clock() {
        return delegate.clock();
    }

    @Override
    public <U> U unwrap(Class<U> type) {
        return delegate.unwrap(type);
    }
}
