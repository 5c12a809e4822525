package dev.portablefn.testing;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J {@link org.slf4j.Logger} that records every call as a {@link CapturedLog}, so tests can
 * assert what a function logged without an SLF4J binding. It records all levels, together with the
 * MDC of the calling thread and, over it, the fixed entries it was built with (request id, function name, ...).
 */
public final class RecordingLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    private final transient Clock clock;
    private final transient Map<String, String> fixedMdc;
    private final transient Consumer<CapturedLog> sink;

    /**
     * @param name     the logger name
     * @param clock    the clock that stamps each line
     * @param fixedMdc entries recorded with every line, under the MDC of the calling thread
     * @param sink     receives each line; must be thread-safe when the logger is shared
     */
    public RecordingLogger(String name, Clock clock, Map<String, String> fixedMdc, Consumer<CapturedLog> sink) {
        this.name = Objects.requireNonNull(name, "name");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fixedMdc = Map.copyOf(fixedMdc);
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return RecordingLogger.class.getName();
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
                                               Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
        // The context's own identity wins over the thread's MDC: under LocalCloud the adapter's MDC names the
        // adapter's request id, while the line belongs to the invocation LocalCloud recorded.
        Map<String, String> mdc = new HashMap<>();
        Map<String, String> threadMdc = MDC.getCopyOfContextMap();
        if (threadMdc != null) {
            mdc.putAll(threadMdc);
        }
        mdc.putAll(fixedMdc);
        sink.accept(new CapturedLog(clock.instant(), level.name(), name, message == null ? "null" : message, mdc,
                throwable));
    }

    @Override
    public boolean isTraceEnabled() {
        return true;
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }
}
