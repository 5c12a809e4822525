package dev.portablefn.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** Levels come from one setting, for all loggers and for the loggers under given names; Lambda's own is the fallback. */
class LogLevelsTest {

    @Test
    void infoWithoutAnySetting() {
        assertThat(LogLevels.of(Map.<String, String>of()::get).thresholdOf("dev.example.Orders")).isEqualTo(Level.INFO.toInt());
    }

    @Test
    void longestMatchingLoggerNameWinsAndOnlyAtANameBoundary() {
        LogLevels levels = LogLevels.of(Map.of("PORTABLEFN_LOG_LEVEL",
                "warn, com.zaxxer=ERROR, com.zaxxer.hikari=debug, dev.example.orders=TRACE")::get);

        assertThat(levels.thresholdOf("dev.example.Payments")).isEqualTo(Level.WARN.toInt());
        assertThat(levels.thresholdOf("com.zaxxer.Other")).isEqualTo(Level.ERROR.toInt());
        assertThat(levels.thresholdOf("com.zaxxer.hikari.pool.HikariPool")).isEqualTo(Level.DEBUG.toInt());
        assertThat(levels.thresholdOf("dev.example.orders")).isEqualTo(Level.TRACE.toInt());
        assertThat(levels.thresholdOf("dev.example.ordersArchive")).as("not under dev.example.orders")
                .isEqualTo(Level.WARN.toInt());
    }

    @Test
    void lambdasOwnLevelAppliesWhenTheSettingIsAbsentAndFatalCountsAsError() {
        assertThat(LogLevels.of(Map.of("AWS_LAMBDA_LOG_LEVEL", "DEBUG")::get).root()).isEqualTo(Level.DEBUG.toInt());
        assertThat(LogLevels.of(Map.of("AWS_LAMBDA_LOG_LEVEL", "FATAL")::get).root()).isEqualTo(Level.ERROR.toInt());
        assertThat(LogLevels.of(Map.of("AWS_LAMBDA_LOG_LEVEL", "DEBUG", "PORTABLEFN_LOG_LEVEL", "ERROR")::get).root())
                .isEqualTo(Level.ERROR.toInt());
    }

    @Test
    void offWritesNothing() {
        assertThat(LogLevels.of(Map.of("PORTABLEFN_LOG_LEVEL", "OFF")::get).root()).isGreaterThan(Level.ERROR.toInt());
    }

    @Test
    void unknownLevelOrNamelessOverrideNamesTheSettingAndThePart() {
        assertThatThrownBy(() -> LogLevels.of(Map.of("PORTABLEFN_LOG_LEVEL", "INFO,com.zaxxer=LOUD")::get))
                .hasMessage("PORTABLEFN_LOG_LEVEL='INFO,com.zaxxer=LOUD': 'LOUD' is not a level; use TRACE, DEBUG, INFO,"
                        + " WARN, ERROR or OFF");
        assertThatThrownBy(() -> LogLevels.of(Map.of("AWS_LAMBDA_LOG_LEVEL", "=WARN")::get))
                .hasMessage("AWS_LAMBDA_LOG_LEVEL='=WARN': '=WARN' names no logger");
    }

    @Test
    void loggersWriteOnlyAtTheirLevelAndFollowANewConfiguration() {
        Logger orders = LoggerFactory.getLogger("dev.example.orders.Checkout");
        Logger pool = LoggerFactory.getLogger("com.zaxxer.hikari.HikariDataSource");
        try (LogCapture logs = LogCapture.like(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders",
                "PORTABLEFN_LOG_LEVEL", "INFO,dev.example.orders=DEBUG,com.zaxxer.hikari=WARN"))) {
            orders.debug("cart has {} items", 3);
            orders.trace("not written");
            pool.info("not written either");
            pool.warn("pool is exhausted");

            assertThat(logs.lines()).extracting(line -> line.path("message").asText())
                    .containsExactly("cart has 3 items", "pool is exhausted");
            assertThat(orders.isDebugEnabled()).isTrue();
            assertThat(pool.isInfoEnabled()).isFalse();
        }
        try (LogCapture logs = LogCapture.like(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders"))) {
            assertThat(orders.isDebugEnabled()).as("back at INFO with the next configuration").isFalse();
            assertThat(pool.isInfoEnabled()).isTrue();
        }
    }
}
