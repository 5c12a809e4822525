package dev.portablefn.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.azure.AzureFunctions;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import dev.portablefn.doubles.azure.FakeExecutionContext;
import dev.portablefn.doubles.gcp.FakeHttpRequest;
import dev.portablefn.doubles.gcp.FakeHttpResponse;
import dev.portablefn.gcp.GcpHttpFunction;
import dev.portablefn.testing.AwsEvents;
import dev.portablefn.testing.AwsHttpEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With {@code PORTABLEFN_ACCESS_LOG=true} (set for this module's tests) every invocation logs one access line whose
 * values are JSON fields of their own.
 */
class AccessLinesTest {

    @Test
    void httpInvocationLogsMethodPathStatusAndDuration() throws Exception {
        HttpFunction created = (request, context) -> HttpResponse.status(201);
        try (LogCapture logs = LogCapture.like(Map.of("K_SERVICE", "orders"))) {
            new GcpHttpFunction(created).service(FakeHttpRequest.builder("POST", "/orders/42").build(), new FakeHttpResponse());

            JsonNode line = logs.line("POST /orders/42 201 in ");
            assertThat(line.path("logger").asText()).isEqualTo("dev.portablefn.access");
            assertThat(line.path("method").asText()).isEqualTo("POST");
            assertThat(line.path("path").asText()).isEqualTo("/orders/42");
            assertThat(line.path("status").asInt()).isEqualTo(201);
            assertThat(line.path("durationMs").isNumber()).isTrue();
            assertThat(line.path("durationMs").asDouble()).isGreaterThanOrEqualTo(0);
            assertThat(line.path("requestId").asText()).isNotBlank();
        }
    }

    @Test
    void failedHttpInvocationLogsTheStatusItWasAnsweredWith() throws Exception {
        HttpFunction broken = (request, context) -> {
            throw new IllegalStateException("boom");
        };
        try (LogCapture logs = LogCapture.like(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders"))) {
            new LambdaHandler(broken).handleRequest(new ByteArrayInputStream(AwsHttpEvents.apiGatewayV2(
                            HttpRequest.builder("GET", "/orders").build())), new ByteArrayOutputStream(),
                    FakeLambdaContext.of("aws-req-7", "orders", 30_000));

            JsonNode line = logs.line("GET /orders 500 in ");
            assertThat(line.path("status").asInt()).isEqualTo(500);
            assertThat(line.path("requestId").asText()).isEqualTo("aws-req-7");
        }
    }

    @ParameterizedTest
    @CsvSource({"nothing, ok", "permanent, permanent", "invalid, invalid", "retryable, retryable", "unexpected, retryable"})
    void eventInvocationLogsTriggerOutcomeAndEventId(String failure, String outcome) {
        EventFunction<String> function = (event, context) -> {
            switch (failure) {
                case "permanent" -> throw new PermanentFailure("customer is gone");
                case "invalid" -> throw new dev.portablefn.api.InvalidInputException("no quantity", List.of(), null);
                case "retryable" -> throw new RetryableException("stock service busy");
                case "unexpected" -> throw new IllegalStateException("index corrupt");
                default -> {
                }
            }
        };
        try (LogCapture logs = LogCapture.like(Map.of("FUNCTIONS_WORKER_RUNTIME", "java"))) {
            catchThrowable(() -> AzureFunctions.of(function).queue("{}", "msg-1", 1, "2026-12-03T08:00:00+00:00",
                    FakeExecutionContext.builder().invocationId("inv-1").functionName("orders").build()));

            JsonNode line = logs.line("QUEUE event msg-1 " + outcome + " in ");
            assertThat(line.path("trigger").asText()).isEqualTo("QUEUE");
            assertThat(line.path("outcome").asText()).isEqualTo(outcome);
            assertThat(line.path("eventId").asText()).isEqualTo("msg-1");
            assertThat(line.path("durationMs").isNumber()).isTrue();
        }
    }

    @Test
    void eachRecordOfABatchLogsItsOwnLine() throws Exception {
        EventFunction<String> function = (event, context) -> {
        };
        try (LogCapture logs = LogCapture.like(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders"))) {
            new LambdaHandler(function).handleRequest(new ByteArrayInputStream(AwsEvents.sqs("a", "b", "c")),
                    new ByteArrayOutputStream(), FakeLambdaContext.of("aws-req-8", "orders", 30_000));

            assertThat(logs.lines()).filteredOn(line -> line.path("logger").asText().equals("dev.portablefn.access"))
                    .hasSize(3).allSatisfy(line -> {
                        assertThat(line.path("trigger").asText()).isEqualTo("QUEUE");
                        assertThat(line.path("outcome").asText()).isEqualTo("ok");
                        assertThat(line.path("eventId").asText()).isNotBlank();
                    });
        }
    }
}
