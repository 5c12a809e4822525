package dev.portablefn.bench.realistic;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.OutputStream;
import java.util.Iterator;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A logback appender that formats every event with its encoder, exactly as a console or file appender does, and
 * writes the bytes to a stream that discards them: the realistic benchmark pays for its log lines being formatted
 * (layout, MDC, message), not for I/O, which would dominate and vary. {@code logback.xml} puts it on the root logger.
 */
public final class DiscardingAppender extends OutputStreamAppender<ILoggingEvent> {

    /** The JVM option that binds SLF4J to logback in the benchmark jar, where slf4j-simple is the provider found by default. */
    public static final String LOGBACK_PROVIDER = "-Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider";

    @Override
    public void start() {
        setOutputStream(OutputStream.nullOutputStream());
        super.start();
    }

    /**
     * @return the appender {@code logback.xml} installed on the root logger
     * @throws IllegalStateException if SLF4J is not bound to logback or the appender is not installed: the realistic
     *                               benchmark would then measure another logging setup than it says
     */
    public static DiscardingAppender installed() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            Iterator<Appender<ILoggingEvent>> appenders = context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
            while (appenders.hasNext()) {
                if (appenders.next() instanceof DiscardingAppender discarding && discarding.isStarted()) {
                    return discarding;
                }
            }
            throw new IllegalStateException("logback runs without logback.xml's DiscardingAppender on the root logger; "
                    + "is another logback configuration on the classpath?");
        }
        throw new IllegalStateException("the realistic benchmark logs through logback, but SLF4J is bound to "
                + factory.getClass().getName() + "; run it with " + LOGBACK_PROVIDER + " (run.sh does)");
    }
}
