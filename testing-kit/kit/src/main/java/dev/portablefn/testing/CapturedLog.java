package dev.portablefn.testing;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One line a function logged through {@link dev.portablefn.api.Context#logger()}, as a test sees it:
 * level, formatted message, the MDC at the time of the call, and the exception, if any.
 *
 * @param time    when it was logged, on the invocation's clock
 * @param level   {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARN} or {@code ERROR}
 * @param logger  the logger's name
 * @param message the message with its arguments filled in
 * @param mdc     the MDC entries, including the invocation's request id, trace id and function name
 * @param failure the logged exception, or {@code null}
 */
public record CapturedLog(Instant time, String level, String logger, String message, Map<String, String> mdc,
                          Throwable failure) {

    /** @throws NullPointerException if the level or message is missing */
    public CapturedLog {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        mdc = mdc == null ? Map.of() : Map.copyOf(mdc);
    }

    @Override
    public String toString() {
        return level + " " + message + (failure == null ? "" : " " + failure);
    }
}
