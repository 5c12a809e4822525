package dev.portablefn.runtime.internal.middleware;

import dev.portablefn.api.Event;
import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.batch.BatchResult;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.Redaction;
import dev.portablefn.api.middleware.Invocation;
import dev.portablefn.api.middleware.Middleware;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line per invocation on logger {@code dev.portablefn.access}: for HTTP the method, path, status and
 * duration; for an event its trigger, outcome ({@code ok}, {@code retryable}, {@code permanent}, {@code invalid}) and
 * duration, the event id being in the MDC; for a batch its trigger, record count, failed records and duration. The
 * values are also SLF4J key-values, which the JSON log formats write as fields. Runs inside the logging context and
 * outside failure handling, so it sees the response a failure became and the failure an event ended with.
 */
final class AccessLogMiddleware implements Middleware {

    static final AccessLogMiddleware INSTANCE = new AccessLogMiddleware();

    /** The logger access lines go to, so they can be filtered or silenced on their own. */
    static final String LOGGER = "dev.portablefn.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    /** The most characters of a path logged. */
    private static final int PATH_LIMIT = 500;

    private AccessLogMiddleware() {
    }

    @Override
    public Object around(Invocation invocation, Chain next) throws Exception {
        if (!LOG.isInfoEnabled()) {
            return next.proceed(invocation);
        }
        long start = System.nanoTime();
        if (invocation.isHttp()) {
            Object response = null;
            try {
                response = next.proceed(invocation);
                return response;
            } finally {
                logHttp(invocation.request(), response instanceof HttpResponse http ? http.status() : 500, start);
            }
        }
        String outcome = "retryable";
        Object result = null;
        try {
            result = next.proceed(invocation);
            outcome = "ok";
            return result;
        } catch (InvalidInputException invalid) {
            outcome = "invalid";
            throw invalid;
        } catch (PermanentFailure permanent) {
            outcome = "permanent";
            throw permanent;
        } finally {
            if (invocation.input() instanceof Event<?> event) {
                logEvent(event, outcome, start);
            } else {
                logBatch(invocation.events(), result instanceof BatchResult batch ? batch : null, outcome, start);
            }
        }
    }

    private static void logHttp(HttpRequest request, int status, long start) {
        double millis = millisSince(start);
        String path = Redaction.forLog(request.path(), PATH_LIMIT);
        LOG.atInfo().addKeyValue("method", request.method()).addKeyValue("path", path).addKeyValue("status", status)
                .addKeyValue("durationMs", millis).log("{} {} {} in {} ms", request.method(), path, status, millis);
    }

    private static void logEvent(Event<?> event, String outcome, long start) {
        double millis = millisSince(start);
        LOG.atInfo().addKeyValue("trigger", event.trigger()).addKeyValue("outcome", outcome)
                .addKeyValue("durationMs", millis)
                .log("{} event {} {} in {} ms", event.trigger(), Redaction.forLog(event.id(), PATH_LIMIT), outcome, millis);
    }

    private static void logBatch(List<Event<?>> events, BatchResult result, String outcome, long start) {
        double millis = millisSince(start);
        int failed = result == null ? "ok".equals(outcome) ? 0 : events.size() : result.failures().size();
        String batchOutcome = result == null ? outcome : failed == 0 ? "ok" : "partial";
        Object trigger = events.isEmpty() ? "batch" : events.get(0).trigger();
        LOG.atInfo().addKeyValue("trigger", trigger).addKeyValue("outcome", batchOutcome)
                .addKeyValue("records", events.size()).addKeyValue("failedRecords", failed).addKeyValue("durationMs", millis)
                .log("{} batch of {} {} ({} failed) in {} ms", trigger, events.size(), batchOutcome, failed, millis);
    }

    /** @return milliseconds since {@code start}, to the hundredth */
    private static double millisSince(long start) {
        return Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
    }
}
