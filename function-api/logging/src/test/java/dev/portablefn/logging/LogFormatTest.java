package dev.portablefn.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The format follows the variables each provider's runtime sets; one setting overrides it. */
class LogFormatTest {

    @ParameterizedTest
    @CsvSource({
            "AWS_LAMBDA_FUNCTION_NAME, orders, AWS",
            "K_SERVICE, orders, GCP",
            "FUNCTION_TARGET, dev.example.Orders, GCP",
            "FUNCTIONS_WORKER_RUNTIME, java, AZURE",
            "WEBSITE_SITE_NAME, shop, AZURE",
            "HOME, /home/dev, TEXT"})
    void providerIsRecognisedFromItsRuntimesVariables(String variable, String value, LogFormat expected) {
        assertThat(LogFormat.of(Map.of(variable, value)::get)).isEqualTo(expected);
    }

    @Test
    void settingOverridesTheProviderAnyCase() {
        assertThat(LogFormat.of(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders", "PORTABLEFN_LOG_FORMAT", "text")::get))
                .isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.of(Map.of("PORTABLEFN_LOG_FORMAT", " Gcp ")::get)).isEqualTo(LogFormat.GCP);
    }

    @Test
    void unknownSettingNamesTheChoices() {
        assertThatThrownBy(() -> LogFormat.of(Map.of("PORTABLEFN_LOG_FORMAT", "logfmt")::get))
                .hasMessage("PORTABLEFN_LOG_FORMAT='logfmt' names no log format; use aws, gcp, azure or text");
    }

    @Test
    void textLineIsReadableWithKeyValuesAndHiddenSecrets() {
        Logger log = LoggerFactory.getLogger("dev.portablefn.example.Orders");
        try (LogCapture logs = LogCapture.like(Map.of())) {
            org.slf4j.MDC.put("requestId", "local-1");
            try {
                log.atInfo().addKeyValue("status", 201).log("created order with secret=abc123");
            } finally {
                org.slf4j.MDC.remove("requestId");
            }

            assertThat(logs.format()).isEqualTo(LogFormat.TEXT);
            assertThat(logs.text()).matches("(?s)\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  dev\\.portablefn\\.example\\.Orders local-1 - "
                    + "created order with secret=\\[REDACTED] status=\"201\"\\R");
        }
    }

    @Test
    void keyValuesBecomeFieldsOfTheirOwnTypes() {
        Logger log = LoggerFactory.getLogger("dev.portablefn.example.Orders");
        try (LogCapture logs = LogCapture.like(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders"))) {
            log.atInfo().addKeyValue("status", 201).addKeyValue("cached", true).addKeyValue("path", "/orders")
                    .addKeyValue("apiKey", "k-123").log("GET /orders");

            var line = logs.line("GET /orders");
            assertThat(line.path("status").isInt()).isTrue();
            assertThat(line.path("status").asInt()).isEqualTo(201);
            assertThat(line.path("cached").asBoolean()).isTrue();
            assertThat(line.path("path").asText()).isEqualTo("/orders");
            assertThat(line.path("apiKey").asText()).as("a key named like a credential").isEqualTo("[REDACTED]");
        }
    }

    @Test
    void textLineShowsAnUnexpectedFailuresStackTraceAndAPermanentFailuresMessageOnly() {
        Logger log = LoggerFactory.getLogger("dev.portablefn.examples.learning.CloudDeployment");
        try (LogCapture logs = LogCapture.like(Map.of())) {
            log.error("payment failed", new IllegalStateException("ledger down", new java.io.IOException("password=hunter2")));
            log.info("order rejected", new dev.portablefn.api.PermanentFailure("order 42 is already shipped"));

            assertThat(logs.text())
                    .contains(" ERROR d.p.e.learning.CloudDeployment  - payment failed")
                    .contains("java.lang.IllegalStateException: ledger down")
                    .contains("\tat dev.portablefn.logging.LogFormatTest")
                    .contains("Caused by: java.io.IOException: password=[REDACTED]")
                    .doesNotContain("hunter2")
                    .contains("order rejected" + System.lineSeparator()
                            + "dev.portablefn.api.PermanentFailure: order 42 is already shipped" + System.lineSeparator());
        }
    }

    @Test
    void longLoggerNamesHaveTheirLeadingPackagesCutToInitials() {
        assertThat(TextLineEncoder.abbreviate("dev.portablefn.examples.learning.CloudDeployment"))
                .isEqualTo("d.p.e.learning.CloudDeployment");
        assertThat(TextLineEncoder.abbreviate("dev.portablefn.example.Orders")).isEqualTo("dev.portablefn.example.Orders");
        assertThat(TextLineEncoder.abbreviate("AVeryLongLoggerNameWithoutAnyPackageAtAllReally"))
                .isEqualTo("AVeryLongLoggerNameWithoutAnyPackageAtAllReally");
    }
}
