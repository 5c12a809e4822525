package dev.portablefn.doubles.logging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * slf4j-simple with a working MDC (a thread-local map, like logback's) that also records every line it writes.
 * slf4j-simple alone keeps no MDC, so the library would skip filling one and a test could not see it. Select it
 * for a test JVM with {@code -Dslf4j.provider=dev.portablefn.doubles.logging.RecordingLoggingProvider} (a
 * surefire {@code systemPropertyVariables} entry); it needs {@code slf4j-simple} on the test classpath.
 */
public final class RecordingLoggingProvider extends SimpleServiceProvider {

    private static final ConcurrentLinkedQueue<LoggedLine> LINES = new ConcurrentLinkedQueue<>();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final MDCAdapter mdc = new BasicMDCAdapter();
    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, RecordingLogger::new);

    /** Called by SLF4J's service loading. */
    public RecordingLoggingProvider() {
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    /**
     * Runs {@code action} and gives the lines it logged on this thread, oldest first: lines other threads log
     * meanwhile (tests running in parallel) are left out.
     *
     * @param action what to run; an exception it throws is ignored, as the caller asserts on the lines
     * @return the lines logged on the calling thread while {@code action} ran
     */
    public static List<LoggedLine> linesLoggedDuring(Runnable action) {
        long before = SEQUENCE.get();
        try {
            action.run();
        } catch (RuntimeException ignored) {
            // the caller judges the outcome by the lines
        }
        long thread = Thread.currentThread().getId();
        List<LoggedLine> logged = new ArrayList<>();
        for (LoggedLine line : LINES) {
            if (line.sequence() > before && line.threadId() == thread) {
                logged.add(line);
            }
        }
        return logged;
    }

    /**
     * One logged line.
     *
     * @param level    its level
     * @param logger   the name of the logger it was written to
     * @param message  the formatted message, without the stack trace
     * @param failure  the exception logged with it, or {@code null}
     * @param mdc      the MDC when it was written
     * @param threadId the id of the thread that wrote it
     * @param sequence its position among all lines logged in this JVM, from 1
     */
    public record LoggedLine(Level level, String logger, String message, Throwable failure, Map<String, String> mdc,
                             long threadId, long sequence) {
    }

    /** Records each enabled line, then writes it through slf4j-simple's logger of the same name. */
    private final class RecordingLogger extends LegacyAbstractLogger {

        private static final long serialVersionUID = 1L;

        private final transient Logger simple;

        RecordingLogger(String name) {
            this.name = name;
            this.simple = RecordingLoggingProvider.super.getLoggerFactory().getLogger(name);
        }

        @Override
        public boolean isTraceEnabled() {
            return simple.isTraceEnabled();
        }

        @Override
        public boolean isDebugEnabled() {
            return simple.isDebugEnabled();
        }

        @Override
        public boolean isInfoEnabled() {
            return simple.isInfoEnabled();
        }

        @Override
        public boolean isWarnEnabled() {
            return simple.isWarnEnabled();
        }

        @Override
        public boolean isErrorEnabled() {
            return simple.isErrorEnabled();
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                                   Throwable failure) {
            String message = MessageFormatter.basicArrayFormat(pattern, arguments);
            Map<String, String> context = mdc.getCopyOfContextMap();
            LINES.add(new LoggedLine(level, name, message, failure,
                    context == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(context)),
                    Thread.currentThread().getId(), SEQUENCE.incrementAndGet()));
            simple.atLevel(level).setCause(failure).log(message);
        }
    }
}
