package dev.portablefn.testing;

import dev.portablefn.api.Context;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One logged line as a test sees it: level, formatted message, the MDC at the time of the call, the key-values it was
 * logged with, and the exception, if any. {@link InvocationResult#logs()} gives the lines a function logged through
 * {@link Context#logger()}; {@link CapturedLogs} gives every SLF4J line. The invocation's identity the runtime puts in
 * the MDC reads as {@link #requestId()}, {@link #traceId()}, {@link #spanId()}, {@link #function()},
 * {@link #provider()} and {@link #eventId()}.
 *
 * @param time      when it was logged
 * @param level     {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARN} or {@code ERROR}
 * @param logger    the logger's name
 * @param message   the message with its arguments filled in
 * @param mdc       the MDC entries, including the invocation's request id, trace id and function name
 * @param keyValues the key-values of SLF4J's fluent API ({@code addKeyValue}), in the order they were added
 * @param failure   the logged exception, or {@code null}
 */
public record CapturedLog(Instant time, String level, String logger, String message, Map<String, String> mdc,
                          Map<String, Object> keyValues, Throwable failure) {

    /** @throws NullPointerException if the level or message is missing */
    public CapturedLog {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        mdc = mdc == null ? Map.of() : Map.copyOf(mdc);
        keyValues = keyValues == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(keyValues));
    }

    /**
     * A line without key-values.
     *
     * @param time    when it was logged
     * @param level   its level
     * @param logger  the logger's name
     * @param message the formatted message
     * @param mdc     the MDC entries
     * @param failure the logged exception, or {@code null}
     */
    public CapturedLog(Instant time, String level, String logger, String message, Map<String, String> mdc,
                       Throwable failure) {
        this(time, level, logger, message, mdc, Map.of(), failure);
    }

    /** @return the request id of the invocation that logged it, if it was logged inside one */
    public Optional<String> requestId() {
        return Optional.ofNullable(mdc.get(Context.MDC_REQUEST_ID));
    }

    /** @return the invocation's trace id, if it had a trace */
    public Optional<String> traceId() {
        return Optional.ofNullable(mdc.get(Context.MDC_TRACE_ID));
    }

    /** @return the span the invocation was called from, if its trace named one */
    public Optional<String> spanId() {
        return Optional.ofNullable(mdc.get(Context.MDC_SPAN_ID));
    }

    /** @return the name of the function that logged it */
    public Optional<String> function() {
        return Optional.ofNullable(mdc.get(Context.MDC_FUNCTION_NAME));
    }

    /** @return the provider the function ran on ({@code AWS}, {@code GCP}, {@code AZURE}, {@code LOCAL}) */
    public Optional<String> provider() {
        return Optional.ofNullable(mdc.get(Context.MDC_PROVIDER));
    }

    /** @return the id of the event being handled, for an event invocation */
    public Optional<String> eventId() {
        return Optional.ofNullable(mdc.get("eventId"));
    }

    /**
     * @param key a key-value's key
     * @return its value, if the line was logged with it
     */
    public Optional<Object> keyValue(String key) {
        return Optional.ofNullable(keyValues.get(key));
    }

    @Override
    public String toString() {
        return level + " " + message + (keyValues.isEmpty() ? "" : " " + keyValues) + (failure == null ? "" : " " + failure);
    }
}
