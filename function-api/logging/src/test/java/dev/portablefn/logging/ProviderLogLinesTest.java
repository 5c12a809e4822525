package dev.portablefn.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.azure.AzureFunctions;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import dev.portablefn.doubles.azure.FakeExecutionContext;
import dev.portablefn.doubles.azure.FakeHttpRequestMessage;
import dev.portablefn.doubles.gcp.FakeHttpRequest;
import dev.portablefn.doubles.gcp.FakeHttpResponse;
import dev.portablefn.gcp.GcpHttpFunction;
import dev.portablefn.testing.AwsHttpEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A line logged inside a portable function running behind each provider's real entry comes out as one JSON object in
 * that provider's shape, carrying the invocation's request, trace and span ids.
 */
class ProviderLogLinesTest {

    private static final Logger LOG = LoggerFactory.getLogger("dev.portablefn.example.Orders");
    private static final String TRACE_ID = "5759e988bd862e3fe1be46a994272793";
    private static final String SPAN_ID = "53995c3f42cd8ad8";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

    private static final HttpFunction LISTING = (request, context) -> {
        LOG.info("listing orders for {}", request.path());
        return HttpResponse.ok();
    };

    @Test
    void awsLineIsLambdasJsonLogFormatWithTheInvocationsIds() throws Exception {
        try (LogCapture logs = LogCapture.like(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders"))) {
            byte[] request = AwsHttpEvents.apiGatewayV2(HttpRequest.builder("GET", "/orders")
                    .header("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=" + SPAN_ID + ";Sampled=1")
                    .build());

            new LambdaHandler(LISTING).handleRequest(new ByteArrayInputStream(request), new ByteArrayOutputStream(),
                    FakeLambdaContext.of("aws-req-1", "orders", 30_000));

            JsonNode line = logs.line("listing orders");
            assertThat(logs.format()).isEqualTo(LogFormat.AWS);
            assertThat(Instant.parse(line.path("timestamp").asText())).isBeforeOrEqualTo(Instant.now());
            assertThat(line.path("level").asText()).isEqualTo("INFO");
            assertThat(line.path("message").asText()).isEqualTo("listing orders for /orders");
            assertThat(line.path("logger").asText()).isEqualTo("dev.portablefn.example.Orders");
            assertThat(line.path("requestId").asText()).isEqualTo("aws-req-1");
            assertThat(line.path("traceId").asText()).isEqualTo(TRACE_ID);
            assertThat(line.path("spanId").asText()).isEqualTo(SPAN_ID);
            assertThat(line.path("function").asText()).isEqualTo("orders");
            assertThat(line.path("provider").asText()).isEqualTo("AWS");
            assertThat(line.has("eventId")).as("an HTTP call has no event id").isFalse();
        }
    }

    @Test
    void gcpLineIsCloudLoggingStructuredWithTheTracePathOfTheProject() throws Exception {
        try (LogCapture logs = LogCapture.like(Map.of("K_SERVICE", "orders", "GOOGLE_CLOUD_PROJECT", "shop-prod"))) {
            FakeHttpRequest request = FakeHttpRequest.builder("GET", "/orders")
                    .header("Function-Execution-Id", "gcp-exec-1")
                    .header("X-Cloud-Trace-Context", TRACE_ID + "/" + Long.parseUnsignedLong(SPAN_ID, 16) + ";o=1")
                    .build();

            new GcpHttpFunction(LISTING).service(request, new FakeHttpResponse());

            JsonNode line = logs.line("listing orders");
            assertThat(Instant.parse(line.path("time").asText())).isBeforeOrEqualTo(Instant.now());
            assertThat(line.path("severity").asText()).isEqualTo("INFO");
            assertThat(line.has("level")).isFalse();
            assertThat(line.path("message").asText()).isEqualTo("listing orders for /orders");
            assertThat(line.path("logging.googleapis.com/trace").asText())
                    .isEqualTo("projects/shop-prod/traces/" + TRACE_ID);
            assertThat(line.path("logging.googleapis.com/spanId").asText()).isEqualTo(SPAN_ID);
            assertThat(line.path("logging.googleapis.com/trace_sampled").asBoolean()).isTrue();
            assertThat(line.path("requestId").asText()).isEqualTo("gcp-exec-1");
            assertThat(line.path("traceId").asText()).isEqualTo(TRACE_ID);
            assertThat(line.path("provider").asText()).isEqualTo("GCP");
        }
    }

    @Test
    void gcpProjectMayComeFromTheOlderVariable() throws Exception {
        try (LogCapture logs = LogCapture.like(Map.of("FUNCTION_TARGET", "Orders", "GCP_PROJECT", "legacy-project"))) {
            new GcpHttpFunction(LISTING).service(FakeHttpRequest.builder("GET", "/orders")
                    .header("traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-00").build(), new FakeHttpResponse());

            JsonNode line = logs.line("listing orders");
            assertThat(line.path("logging.googleapis.com/trace").asText())
                    .isEqualTo("projects/legacy-project/traces/" + TRACE_ID);
            assertThat(line.path("logging.googleapis.com/trace_sampled").asBoolean()).isFalse();
        }
    }

    @Test
    void azureLineCarriesTheOperationIdsApplicationInsightsCorrelatesOn() {
        try (LogCapture logs = LogCapture.like(Map.of("FUNCTIONS_WORKER_RUNTIME", "java"))) {
            FakeExecutionContext context = FakeExecutionContext.builder().invocationId("azure-inv-1")
                    .functionName("orders").traceparent(TRACEPARENT).build();

            AzureFunctions.of(LISTING).http(FakeHttpRequestMessage.text("GET", "https://shop.azurewebsites.net/api/orders",
                    Map.of(), null), context);

            JsonNode line = logs.line("listing orders");
            assertThat(line.path("level").asText()).isEqualTo("INFO");
            assertThat(line.path("operation_Id").asText()).isEqualTo(TRACE_ID);
            assertThat(line.path("operation_ParentId").asText()).isEqualTo(SPAN_ID);
            assertThat(line.path("requestId").asText()).isEqualTo("azure-inv-1");
            assertThat(line.path("traceId").asText()).isEqualTo(TRACE_ID);
            assertThat(line.path("spanId").asText()).isEqualTo(SPAN_ID);
            assertThat(line.path("function").asText()).isEqualTo("orders");
            assertThat(line.path("provider").asText()).isEqualTo("AZURE");
        }
    }

    @Test
    void unexpectedFailureIsLoggedWithItsStackTrace() throws Exception {
        HttpFunction broken = (request, context) -> {
            throw new IllegalStateException("inventory index is corrupt");
        };
        try (LogCapture logs = LogCapture.like(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders"))) {
            invokeOnLambda(broken);

            JsonNode line = logs.line("request aws-req-1 failed");
            assertThat(line.path("level").asText()).isEqualTo("ERROR");
            assertThat(line.path("errorType").asText()).isEqualTo(IllegalStateException.class.getName());
            assertThat(line.path("errorMessage").asText()).isEqualTo("inventory index is corrupt");
            assertThat(line.path("stackTrace").isArray()).isTrue();
            assertThat(line.path("stackTrace").get(0).asText()).contains("IllegalStateException: inventory index is corrupt");
            assertThat(line.path("stackTrace").toString()).contains("at dev.portablefn.logging.ProviderLogLinesTest");
        }
    }

    @Test
    void permanentFailureIsLoggedWithoutAStackTrace() throws Exception {
        HttpFunction rejecting = (request, context) -> {
            throw PermanentFailure.withStatus(409, "order 42 is already shipped");
        };
        try (LogCapture logs = LogCapture.like(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders"))) {
            invokeOnLambda(rejecting);

            JsonNode line = logs.line("request rejected with 409");
            assertThat(line.path("message").asText()).contains("order 42 is already shipped");
            assertThat(line.has("stackTrace")).isFalse();
            assertThat(logs.text()).doesNotContain("\tat ").doesNotContain("at dev.portablefn");
        }
    }

    @Test
    void invalidInputIsLoggedWithoutAStackTrace() throws Exception {
        record Order(@jakarta.validation.constraints.NotBlank String id) {
        }
        HttpFunction binding = (request, context) -> {
            request.bodyAs(Order.class);
            return HttpResponse.ok();
        };
        try (LogCapture logs = LogCapture.like(Map.of("K_SERVICE", "orders"))) {
            new GcpHttpFunction(binding).service(FakeHttpRequest.builder("POST", "/orders")
                    .header("Content-Type", "application/json").body("{\"id\": ").build(), new FakeHttpResponse());

            JsonNode line = logs.line("request rejected with 400");
            assertThat(line.path("severity").asText()).isEqualTo("INFO");
            assertThat(line.has("stack_trace")).isFalse();
            assertThat(logs.text()).doesNotContain("\\tat ");
        }
    }

    @Test
    void secretQuotedInAMessageIsHidden() throws Exception {
        HttpFunction leaky = (request, context) -> {
            LOG.warn("payment gateway refused Authorization: Bearer sk_live_51Habc; retry with password=hunter2");
            return HttpResponse.ok();
        };
        try (LogCapture logs = LogCapture.like(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders"))) {
            invokeOnLambda(leaky);

            JsonNode line = logs.line("payment gateway refused");
            assertThat(line.path("message").asText())
                    .isEqualTo("payment gateway refused Authorization: Bearer [REDACTED]; retry with password=[REDACTED]");
            assertThat(logs.text()).doesNotContain("sk_live_51Habc").doesNotContain("hunter2");
        }
    }

    private static void invokeOnLambda(HttpFunction function) throws IOException {
        byte[] request = AwsHttpEvents.apiGatewayV2(HttpRequest.builder("POST", "/orders").build());
        new LambdaHandler(function).handleRequest(new ByteArrayInputStream(request), new ByteArrayOutputStream(),
                FakeLambdaContext.of("aws-req-1", "orders", 30_000));
    }
}
