package dev.portablefn.validation.avaje;

import io.avaje.applog.AppLog;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends avaje-validator's log lines (it logs through avaje-applog's {@link java.lang.System.Logger}) to SLF4J, so they
 * come out in the function's log format with its request ids, like every other line. Without it avaje logs through
 * {@code java.util.logging}, whose set-up costs a cold start about 14 ms (benchmarks/ANALYSIS.md). Internal: public
 * only so that {@code ServiceLoader} can create it; functions never call it.
 */
public final class AvajeLogging implements AppLog.Provider {

    /** Called by avaje-applog's {@code ServiceLoader} lookup. */
    public AvajeLogging() {
    }

    @Override
    public System.Logger getLogger(String name) {
        return new Slf4jSystemLogger(LoggerFactory.getLogger(name), null);
    }

    @Override
    public System.Logger getLogger(String name, ResourceBundle bundle) {
        return new Slf4jSystemLogger(LoggerFactory.getLogger(name), bundle);
    }

    /** A {@link java.lang.System.Logger} writing to an SLF4J logger, with its parameters formatted as it specifies. */
    static final class Slf4jSystemLogger implements System.Logger {

        private final Logger logger;
        /** The bundle of the logger's messages, or {@code null}: a message is then its own text. */
        private final ResourceBundle messages;

        Slf4jSystemLogger(Logger logger, ResourceBundle messages) {
            this.logger = logger;
            this.messages = messages;
        }

        @Override
        public String getName() {
            return logger.getName();
        }

        @Override
        public boolean isLoggable(Level level) {
            org.slf4j.event.Level slf4j = slf4j(level);
            return slf4j != null && logger.isEnabledForLevel(slf4j);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            if (isLoggable(level)) {
                logger.atLevel(slf4j(level)).setCause(thrown).log(localized(bundle, message));
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... parameters) {
            if (isLoggable(level)) {
                String pattern = localized(bundle, format);
                logger.atLevel(slf4j(level)).log(parameters == null || parameters.length == 0 ? pattern
                        : MessageFormat.format(pattern, parameters));
            }
        }

        private String localized(ResourceBundle bundle, String key) {
            ResourceBundle chosen = bundle != null ? bundle : messages;
            if (chosen == null || key == null) {
                return key;
            }
            try {
                return chosen.getString(key);
            } catch (MissingResourceException notABundleKey) {
                return key;
            }
        }

        /** @return SLF4J's level for {@code level}, or {@code null} for {@code OFF}, which nothing is logged at */
        static org.slf4j.event.Level slf4j(Level level) {
            return switch (level) {
                case ALL, TRACE -> org.slf4j.event.Level.TRACE;
                case DEBUG -> org.slf4j.event.Level.DEBUG;
                case INFO -> org.slf4j.event.Level.INFO;
                case WARNING -> org.slf4j.event.Level.WARN;
                case ERROR -> org.slf4j.event.Level.ERROR;
                case OFF -> null;
            };
        }
    }
}
