package dev.portablefn.logging;

import java.time.Instant;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/**
 * One named logger: checks the level its name is set to and hands each enabled line to the output. Lines of the
 * fluent API ({@code logger.atInfo().addKeyValue(..).log(..)}) arrive as events and keep their key-values.
 */
final class LineLogger extends LegacyAbstractLogger implements LoggingEventAware {

    private static final long serialVersionUID = 1L;

    private final transient LineLoggers loggers;
    /** The level this logger's name has in the output it last saw; recomputed when the output changes. */
    private transient volatile Threshold threshold;

    LineLogger(String name, LineLoggers loggers) {
        this.name = name;
        this.loggers = loggers;
    }

    /** The lowest level a logger writes under one output, as an SLF4J level number. */
    private record Threshold(LogOutput output, int level) {
    }

    private boolean isEnabled(Level level) {
        LogOutput output = loggers.output();
        Threshold known = threshold;
        if (known == null || known.output() != output) {
            known = new Threshold(output, output.levels().thresholdOf(name));
            threshold = known;
        }
        return level.toInt() >= known.level();
    }

    @Override
    public boolean isTraceEnabled() {
        return isEnabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return isEnabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return isEnabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return isEnabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return isEnabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable failure) {
        write(level, pattern, arguments, failure, null);
    }

    @Override
    public void log(LoggingEvent event) {
        if (isEnabled(event.getLevel())) {
            write(event.getLevel(), event.getMessage(), event.getArgumentArray(), event.getThrowable(),
                    event.getKeyValuePairs());
        }
    }

    private void write(Level level, String pattern, Object[] arguments, Throwable failure, List<KeyValuePair> keyValues) {
        String message = arguments == null || arguments.length == 0 ? pattern
                : MessageFormatter.basicArrayFormat(pattern, arguments);
        loggers.write(new LogLine(Instant.now(), level, name, message, failure, keyValues));
    }
}
