package dev.portablefn.runtime.internal.middleware;

import dev.portablefn.api.middleware.Middleware;
import java.time.Duration;

/** The middleware every function runs inside, in the order the runner chains them. */
public final class StandardMiddleware {

    private StandardMiddleware() {
    }

    /**
     * Puts {@code requestId}, {@code traceId}, {@code functionName}, {@code provider} and, for events,
     * {@code eventId} into the SLF4J MDC while the rest of the chain runs, restoring what was there after.
     *
     * @return the middleware
     */
    public static Middleware loggingContext() {
        return LoggingContextMiddleware.INSTANCE;
    }

    /**
     * Fails fast with a {@link dev.portablefn.api.RetryableException} when less than {@code minimum}
     * of the invocation's time is left, so work is not started that the provider would kill halfway.
     *
     * @param minimum the least remaining time worth starting with
     * @return the middleware
     */
    public static Middleware deadline(Duration minimum) {
        return new DeadlineMiddleware(minimum);
    }

    /**
     * Validates bound event data (each event of a batch) against its Jakarta Validation constraints.
     * HTTP bodies are validated by {@code HttpRequest.bodyAs} when the function binds them.
     *
     * @return the middleware
     */
    public static Middleware validation() {
        return ValidationMiddleware.INSTANCE;
    }
}
