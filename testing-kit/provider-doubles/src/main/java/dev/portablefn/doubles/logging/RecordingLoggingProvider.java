package dev.portablefn.doubles.logging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.LoggingEventAware;
import org.slf4j.spi.MDCAdapter;

/**
 * slf4j-simple with a working MDC (a thread-local map, like logback's) that also records every line it writes.
 * slf4j-simple alone keeps no MDC, so the library would skip filling one and a test could not see it. Select it
 * for a test JVM with {@code -Dslf4j.provider=dev.portablefn.doubles.logging.RecordingLoggingProvider} (a
 * surefire {@code systemPropertyVariables} entry); it needs {@code slf4j-simple} on the test classpath. Lines logged
 * with SLF4J's fluent API keep their key-values ({@code addKeyValue}) apart from the message.
 */
public final class RecordingLoggingProvider extends SimpleServiceProvider {

    private static final ConcurrentLinkedQueue<LoggedLine> LINES = new ConcurrentLinkedQueue<>();
    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** Whether SLF4J chose this provider in this JVM. */
    private static volatile boolean active;

    private final MDCAdapter mdc = new BasicMDCAdapter();
    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, RecordingLogger::new);

    /** Called by SLF4J's service loading. */
    public RecordingLoggingProvider() {
    }

    @Override
    public void initialize() {
        super.initialize();
        active = true;
    }

    /**
     * Tells whether SLF4J logs through this provider in this JVM, so a capture can explain how to select it.
     *
     * @return whether {@code -Dslf4j.provider} named this provider and SLF4J has started
     */
    public static boolean isActive() {
        return active;
    }

    /**
     * Gives the position of the latest line logged in this JVM, for {@link #linesSince(long)}.
     *
     * @return the latest line's {@link LoggedLine#sequence()}, 0 before any line
     */
    public static long sequence() {
        return SEQUENCE.get();
    }

    /**
     * Gives the lines every thread logged after a position, oldest first.
     *
     * @param sequence a position {@link #sequence()} gave
     * @return the lines logged after it
     */
    public static List<LoggedLine> linesSince(long sequence) {
        List<LoggedLine> logged = new ArrayList<>();
        for (LoggedLine line : LINES) {
            if (line.sequence() > sequence) {
                logged.add(line);
            }
        }
        return logged;
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
     * @param threadId  the id of the thread that wrote it
     * @param sequence  its position among all lines logged in this JVM, from 1
     * @param keyValues the key-values it was logged with ({@code addKeyValue}), in order
     * @param time      when it was logged
     */
    public record LoggedLine(Level level, String logger, String message, Throwable failure, Map<String, String> mdc,
                             long threadId, long sequence, Map<String, Object> keyValues, Instant time) {
    }

    /** Records each enabled line, then writes it through slf4j-simple's logger of the same name. */
    private final class RecordingLogger extends LegacyAbstractLogger implements LoggingEventAware {

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
            record(level, MessageFormatter.basicArrayFormat(pattern, arguments), failure, null);
        }

        /** The fluent API's way in ({@code atInfo().addKeyValue(..).log(..)}): the key-values stay apart. */
        @Override
        public void log(LoggingEvent event) {
            if (!isEnabledForLevel(event.getLevel())) {
                return;
            }
            Object[] arguments = event.getArgumentArray();
            Throwable failure = event.getThrowable();
            if (failure == null && arguments != null && arguments.length > 0
                    && arguments[arguments.length - 1] instanceof Throwable last) {
                failure = last;
            }
            record(event.getLevel(), MessageFormatter.basicArrayFormat(event.getMessage(), arguments), failure,
                    event.getKeyValuePairs());
        }

        private void record(Level level, String message, Throwable failure, List<KeyValuePair> pairs) {
            Map<String, String> context = mdc.getCopyOfContextMap();
            Map<String, Object> keyValues = new LinkedHashMap<>();
            if (pairs != null) {
                for (KeyValuePair pair : pairs) {
                    keyValues.put(pair.key, pair.value);
                }
            }
            LINES.add(new LoggedLine(level, name, message, failure,
                    context == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(context)),
                    Thread.currentThread().getId(), SEQUENCE.incrementAndGet(), Collections.unmodifiableMap(keyValues),
                    Instant.now()));
            var line = simple.atLevel(level).setCause(failure);
            keyValues.forEach(line::addKeyValue);
            line.log(message);
        }
    }
}
