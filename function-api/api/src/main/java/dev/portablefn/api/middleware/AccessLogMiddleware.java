package dev.portablefn.api.middleware;

import dev.portablefn.api.Event;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.Redaction;
import java.util.Objects;
import org.slf4j.Logger;

/** Logs one line per invocation with secrets hidden: request line, redacted headers, status or outcome. */
final class AccessLogMiddleware implements Middleware {

    /** The most characters of a path, id or type one line shows. */
    private static final int MAX_LOGGED = 2048;

    private final Redaction redaction;
    private final Logger log;

    AccessLogMiddleware(Redaction redaction, Logger log) {
        this.redaction = Objects.requireNonNull(redaction, "redaction");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public Object around(Invocation invocation, Chain next) throws Exception {
        if (!log.isInfoEnabled()) {
            return next.proceed(invocation);
        }
        long started = System.nanoTime();
        Object result;
        try {
            result = next.proceed(invocation);
        } catch (Exception | Error failure) {
            log.info("{} failed with {} after {} ms", describe(invocation), failure.getClass().getSimpleName(),
                    (System.nanoTime() - started) / 1_000_000);
            throw failure;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (result instanceof HttpResponse response) {
            log.info("{} -> {} in {} ms", describe(invocation), response.status(), millis);
        } else {
            log.info("{} -> done in {} ms", describe(invocation), millis);
        }
        return result;
    }

    private String describe(Invocation invocation) {
        // Paths, ids and types come from the caller: escaped, so a %0A in a path cannot start a forged log line.
        if (invocation.input() instanceof HttpRequest request) {
            return Redaction.forLog(request.method(), MAX_LOGGED) + " " + Redaction.forLog(request.path(), MAX_LOGGED)
                    + " headers=" + redaction.headers(request.headers());
        }
        if (invocation.input() instanceof Event<?> event) {
            return event.trigger() + " event " + Redaction.forLog(event.id(), MAX_LOGGED) + " ("
                    + Redaction.forLog(event.type(), MAX_LOGGED) + ")";
        }
        return "batch of " + invocation.events().size() + " events";
    }
}
