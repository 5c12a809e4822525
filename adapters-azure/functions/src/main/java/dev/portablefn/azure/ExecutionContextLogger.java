package dev.portablefn.azure;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.slf4j.Marker;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger that writes to the invocation's {@code java.util.logging} logger from
 * {@code ExecutionContext.getLogger()}: the Azure host only ties lines written there to the invocation.
 */
final class ExecutionContextLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    private final transient java.util.logging.Logger target;

    ExecutionContextLogger(String name, java.util.logging.Logger target) {
        this.name = name;
        this.target = target;
    }

    static Level julLevel(org.slf4j.event.Level level) {
        return switch (level) {
            case ERROR -> Level.SEVERE;
            case WARN -> Level.WARNING;
            case INFO -> Level.INFO;
            case DEBUG -> Level.FINE;
            case TRACE -> Level.FINEST;
        };
    }

    @Override
    public boolean isTraceEnabled() {
        return target.isLoggable(Level.FINEST);
    }

    @Override
    public boolean isDebugEnabled() {
        return target.isLoggable(Level.FINE);
    }

    @Override
    public boolean isInfoEnabled() {
        return target.isLoggable(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return target.isLoggable(Level.WARNING);
    }

    @Override
    public boolean isErrorEnabled() {
        return target.isLoggable(Level.SEVERE);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return ExecutionContextLogger.class.getName();
    }

    @Override
    protected void handleNormalizedLoggingCall(org.slf4j.event.Level level, Marker marker, String messagePattern,
                                               Object[] arguments, Throwable throwable) {
        LogRecord record = new LogRecord(julLevel(level), MessageFormatter.basicArrayFormat(messagePattern, arguments));
        record.setLoggerName(name);
        record.setThrown(throwable);
        target.log(record);
    }
}
