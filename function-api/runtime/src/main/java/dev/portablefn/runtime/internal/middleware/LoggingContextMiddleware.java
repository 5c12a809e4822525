package dev.portablefn.runtime.internal.middleware;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.TraceContext;
import dev.portablefn.api.middleware.Invocation;
import dev.portablefn.api.middleware.Middleware;
import org.slf4j.MDC;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;

/**
 * Puts the invocation's identity into the MDC and restores the previous values afterwards. With an SLF4J
 * provider that keeps no MDC (slf4j-simple, slf4j-nop, no provider) there is nothing to fill, and it only
 * passes the invocation on: the trace is then not even parsed unless the function asks for it.
 */
final class LoggingContextMiddleware implements Middleware {

    static final LoggingContextMiddleware INSTANCE = new LoggingContextMiddleware();

    /** MDC key of the event id while an event is handled. */
    static final String MDC_EVENT_ID = "eventId";

    /** MDC key that is {@code "true"} while the invocation's trace is sampled; absent otherwise. */
    static final String MDC_TRACE_SAMPLED = "traceSampled";

    private LoggingContextMiddleware() {
    }

    @Override
    public Object around(Invocation invocation, Chain next) throws Exception {
        MDCAdapter mdc = MDC.getMDCAdapter();
        if (!keepsMdc(mdc)) {
            return next.proceed(invocation);
        }
        Context context = invocation.context();
        // Locals rather than arrays: this runs on every invocation. A key with no value now and none before (the
        // event id of an HTTP call, a missing trace) is neither written nor restored.
        String requestId = context.requestId();
        TraceContext trace = context.trace().orElse(null);
        String traceId = trace == null ? null : trace.traceId();
        String spanId = trace == null ? null : trace.spanId();
        String sampled = trace != null && trace.sampled() ? "true" : null;
        String functionName = context.functionName();
        String provider = context.provider().name();
        String eventId = invocation.input() instanceof Event<?> event ? event.id() : null;
        String outerRequestId = swap(mdc, Context.MDC_REQUEST_ID, requestId);
        String outerTraceId = swap(mdc, Context.MDC_TRACE_ID, traceId);
        String outerSpanId = swap(mdc, Context.MDC_SPAN_ID, spanId);
        String outerSampled = swap(mdc, MDC_TRACE_SAMPLED, sampled);
        String outerFunctionName = swap(mdc, Context.MDC_FUNCTION_NAME, functionName);
        String outerProvider = swap(mdc, Context.MDC_PROVIDER, provider);
        String outerEventId = swap(mdc, MDC_EVENT_ID, eventId);
        try {
            return next.proceed(invocation);
        } finally {
            restore(mdc, Context.MDC_REQUEST_ID, requestId, outerRequestId);
            restore(mdc, Context.MDC_TRACE_ID, traceId, outerTraceId);
            restore(mdc, Context.MDC_SPAN_ID, spanId, outerSpanId);
            restore(mdc, MDC_TRACE_SAMPLED, sampled, outerSampled);
            restore(mdc, Context.MDC_FUNCTION_NAME, functionName, outerFunctionName);
            restore(mdc, Context.MDC_PROVIDER, provider, outerProvider);
            restore(mdc, MDC_EVENT_ID, eventId, outerEventId);
        }
    }

    /** @return whether the SLF4J provider's MDC keeps values, so filling it is worth its cost */
    static boolean keepsMdc(MDCAdapter adapter) {
        return adapter != null && !(adapter instanceof NOPMDCAdapter);
    }

    /** Puts {@code value} under {@code key} (removes the key for {@code null}) and returns what was there. */
    private static String swap(MDCAdapter mdc, String key, String value) {
        String outer = mdc.get(key);
        if (value != null) {
            mdc.put(key, value);
        } else if (outer != null) {
            mdc.remove(key);
        }
        return outer;
    }

    /** Puts back what {@link #swap} found, unless the key had no value before or during the call. */
    private static void restore(MDCAdapter mdc, String key, String value, String outer) {
        if (outer != null) {
            mdc.put(key, outer);
        } else if (value != null) {
            mdc.remove(key);
        }
    }
}
