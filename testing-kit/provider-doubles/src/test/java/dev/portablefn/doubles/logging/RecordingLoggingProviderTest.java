package dev.portablefn.doubles.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.doubles.logging.RecordingLoggingProvider.LoggedLine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.spi.MDCAdapter;

class RecordingLoggingProviderTest {

    private final RecordingLoggingProvider provider = new RecordingLoggingProvider();

    {
        provider.initialize();
    }

    @Test
    void keepsAnMdcAndRecordsFormattedLinesWithTheMdcOfTheMoment() {
        Logger logger = provider.getLoggerFactory().getLogger("orders");
        MDCAdapter mdc = provider.getMDCAdapter();
        IllegalStateException failure = new IllegalStateException("boom");

        List<LoggedLine> lines = RecordingLoggingProvider.linesLoggedDuring(() -> {
            mdc.put("requestId", "r-1");
            logger.error("order {} failed", "o-1", failure);
            mdc.remove("requestId");
            logger.info("done");
            logger.debug("not enabled at slf4j-simple's default level");
        });

        assertThat(lines).extracting(LoggedLine::level, LoggedLine::logger, LoggedLine::message, LoggedLine::mdc)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Level.ERROR, "orders", "order o-1 failed",
                                Map.of("requestId", "r-1")),
                        org.assertj.core.groups.Tuple.tuple(Level.INFO, "orders", "done", Map.of()));
        assertThat(lines.get(0).failure()).isSameAs(failure);
    }

    @Test
    void linesOfOtherThreadsAndEarlierLinesAreLeftOut() throws Exception {
        Logger logger = provider.getLoggerFactory().getLogger("orders");
        logger.warn("before");

        List<LoggedLine> lines = RecordingLoggingProvider.linesLoggedDuring(() -> {
            try {
                CompletableFuture.runAsync(() -> logger.warn("elsewhere")).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            logger.warn("here");
        });

        assertThat(lines).extracting(LoggedLine::message).containsExactly("here");
    }

    @Test
    void anExceptionOfTheActionStillGivesTheLinesLoggedBeforeIt() {
        Logger logger = provider.getLoggerFactory().getLogger("orders");

        List<LoggedLine> lines = RecordingLoggingProvider.linesLoggedDuring(() -> {
            logger.error("about to fail");
            throw new IllegalArgumentException("failed");
        });

        assertThat(lines).extracting(LoggedLine::message).containsExactly("about to fail");
    }
}
