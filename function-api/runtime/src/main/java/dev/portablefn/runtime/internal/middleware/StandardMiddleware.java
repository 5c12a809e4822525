package dev.portablefn.runtime.internal.middleware;

import dev.portablefn.api.middleware.Middleware;
import java.util.function.UnaryOperator;

/** The middleware every function runs inside, in the order the runner chains them. */
public final class StandardMiddleware {

    /** The setting that turns the access log on. */
    public static final String ACCESS_LOG_SETTING = "PORTABLEFN_ACCESS_LOG";

    private StandardMiddleware() {
    }

    /**
     * Puts {@code requestId}, {@code traceId}, {@code spanId}, {@code traceSampled} (when sampled),
     * {@code functionName}, {@code provider} and, for events, {@code eventId} into the SLF4J MDC while the rest of the chain runs, restoring what was there after.
     *
     * @return the middleware
     */
    public static Middleware loggingContext() {
        return LoggingContextMiddleware.INSTANCE;
    }

    /**
     * Gives the access log when the deployment turns it on with {@code PORTABLEFN_ACCESS_LOG=true}: one line per
     * invocation (HTTP method, path, status and duration; an event's trigger, outcome and duration) on logger
     * {@code dev.portablefn.access}. Off by default, so a function that does not ask for it does not pay for it.
     *
     * @param environment gives a setting's value, or {@code null} when it is not set
     * @return the middleware, or {@code null} when the setting is not {@code true}
     */
    public static Middleware accessLog(UnaryOperator<String> environment) {
        String setting = environment.apply(ACCESS_LOG_SETTING);
        return setting != null && setting.trim().equalsIgnoreCase("true") ? AccessLogMiddleware.INSTANCE : null;
    }
}
