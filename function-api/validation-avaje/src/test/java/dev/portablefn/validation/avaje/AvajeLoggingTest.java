package dev.portablefn.validation.avaje;

import static org.assertj.core.api.Assertions.assertThat;

import io.avaje.applog.AppLog;
import java.util.ListResourceBundle;
import java.util.ResourceBundle;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.slf4j.event.EventRecordingLogger;
import org.slf4j.event.Level;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.SubstituteLogger;

class AvajeLoggingTest {

    private final BlockingQueue<SubstituteLoggingEvent> lines = new ArrayBlockingQueue<>(10);
    private final System.Logger logger = new AvajeLogging.Slf4jSystemLogger(
            new EventRecordingLogger(new SubstituteLogger("io.avaje.validation", lines, false), lines), null);

    @Test
    void avajeFindsThisProviderSoItsLinesGoToSlf4j() {
        assertThat(AppLog.getLogger("io.avaje.validation")).isInstanceOf(AvajeLogging.Slf4jSystemLogger.class)
                .extracting(System.Logger::getName).isEqualTo("io.avaje.validation");
    }

    @Test
    void aLineIsWrittenAtTheMatchingLevelWithItsParametersFormattedAsSystemLoggerSpecifies() {
        logger.log(System.Logger.Level.WARNING, "no adapter for {0}, {1} fields", "NewCourse", 3);

        SubstituteLoggingEvent line = lines.poll();
        assertThat(line.getLevel()).isEqualTo(Level.WARN);
        assertThat(line.getMessage()).isEqualTo("no adapter for NewCourse, 3 fields");
    }

    @Test
    void aFailureIsWrittenWithItsCause() {
        IllegalStateException failure = new IllegalStateException("broken bundle");

        logger.log(System.Logger.Level.ERROR, "could not load messages", failure);

        SubstituteLoggingEvent line = lines.poll();
        assertThat(line.getLevel()).isEqualTo(Level.ERROR);
        assertThat(line.getMessage()).isEqualTo("could not load messages");
        assertThat(line.getThrowable()).isSameAs(failure);
    }

    @Test
    void aMessageKeyIsLookedUpInTheLoggersBundleAndOtherTextIsWrittenAsItIs() {
        ResourceBundle bundle = new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"missing.adapter", "no adapter for {0}"}};
            }
        };
        System.Logger bundled = new AvajeLogging.Slf4jSystemLogger(
                new EventRecordingLogger(new SubstituteLogger("avaje", lines, false), lines), bundle);

        bundled.log(System.Logger.Level.INFO, "missing.adapter", "Registration");
        bundled.log(System.Logger.Level.INFO, "plain text, not a key");

        assertThat(lines.poll().getMessage()).isEqualTo("no adapter for Registration");
        assertThat(lines.poll().getMessage()).isEqualTo("plain text, not a key");
    }

    @Test
    void everySystemLoggerLevelMapsToAnSlf4jLevelAndOffIsNeverLogged() {
        assertThat(AvajeLogging.Slf4jSystemLogger.slf4j(System.Logger.Level.ALL)).isEqualTo(Level.TRACE);
        assertThat(AvajeLogging.Slf4jSystemLogger.slf4j(System.Logger.Level.TRACE)).isEqualTo(Level.TRACE);
        assertThat(AvajeLogging.Slf4jSystemLogger.slf4j(System.Logger.Level.DEBUG)).isEqualTo(Level.DEBUG);
        assertThat(AvajeLogging.Slf4jSystemLogger.slf4j(System.Logger.Level.INFO)).isEqualTo(Level.INFO);
        assertThat(logger.isLoggable(System.Logger.Level.OFF)).isFalse();

        logger.log(System.Logger.Level.OFF, "never written");

        assertThat(lines).isEmpty();
    }
}
