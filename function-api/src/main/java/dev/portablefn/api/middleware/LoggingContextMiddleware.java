package dev.portablefn.api.middleware;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
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

    private static final String[] KEYS = {
        Context.MDC_REQUEST_ID, Context.MDC_TRACE_ID, Context.MDC_FUNCTION_NAME, Context.MDC_PROVIDER, MDC_EVENT_ID
    };

    private LoggingContextMiddleware() {
    }

    @Override
    public Object around(Invocation invocation, Chain next) throws Exception {
        if (!keepsMdc(MDC.getMDCAdapter())) {
            return next.proceed(invocation);
        }
        // Five locals rather than an array: this runs on every invocation.
        String requestId = MDC.get(KEYS[0]);
        String traceId = MDC.get(KEYS[1]);
        String functionName = MDC.get(KEYS[2]);
        String provider = MDC.get(KEYS[3]);
        String eventId = MDC.get(KEYS[4]);
        Context context = invocation.context();
        try {
            put(Context.MDC_REQUEST_ID, context.requestId());
            put(Context.MDC_TRACE_ID, context.traceId().orElse(null));
            put(Context.MDC_FUNCTION_NAME, context.functionName());
            put(Context.MDC_PROVIDER, context.provider().name());
            put(MDC_EVENT_ID, invocation.input() instanceof Event<?> event ? event.id() : null);
            return next.proceed(invocation);
        } finally {
            put(KEYS[0], requestId);
            put(KEYS[1], traceId);
            put(KEYS[2], functionName);
            put(KEYS[3], provider);
            put(KEYS[4], eventId);
        }
    }

    /** @return whether the SLF4J provider's MDC keeps values, so filling it is worth its cost */
    static boolean keepsMdc(MDCAdapter adapter) {
        return adapter != null && !(adapter instanceof NOPMDCAdapter);
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
