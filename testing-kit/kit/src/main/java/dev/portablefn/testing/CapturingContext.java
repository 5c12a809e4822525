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
import org.slf4j.Logger;

/**
 * The adapter's context with a recording logger in place of the provider's: everything else (request id,
 * deadline, trace, native context) is the adapter's own, so tests see what the function would see. The logger is
 * made when the function first asks for it: LocalCloud runs every message of its cloud presets through here.
 */
final class CapturingContext implements Context {

    private final Context delegate;
    private final Consumer<CapturedLog> sink;
    private RecordingLogger logger;

    private CapturingContext(Context delegate, Consumer<CapturedLog> sink) {
        this.delegate = delegate;
        this.sink = sink;
    }

    /** @return the innermost middleware step: swaps the context's logger for one that records into {@code sink} */
    static Middleware capturing(Consumer<CapturedLog> sink) {
        return (invocation, next) -> next.proceed(new dev.portablefn.api.middleware.Invocation(invocation.input(),
                new CapturingContext(invocation.context(), sink)));
    }

    @Override
    public Logger logger() {
        if (logger == null) {
            Map<String, String> mdc = new java.util.HashMap<>();
            mdc.put(MDC_REQUEST_ID, delegate.requestId());
            mdc.put(MDC_FUNCTION_NAME, delegate.functionName());
            mdc.put(MDC_PROVIDER, delegate.provider().name());
            delegate.traceId().ifPresent(id -> mdc.put(MDC_TRACE_ID, id));
            logger = new RecordingLogger("dev.portablefn.function." + delegate.functionName(), delegate.clock(), mdc, sink);
        }
        return logger;
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
