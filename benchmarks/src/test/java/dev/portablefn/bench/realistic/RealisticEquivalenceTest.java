package dev.portablefn.bench.realistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.functions.HttpResponse;
import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.azure.AzureFunctions;
import dev.portablefn.bench.Payloads;
import dev.portablefn.bench.baseline.aws.RealisticBaselineLambdaHandler;
import dev.portablefn.bench.baseline.azure.RealisticBaselineAzureFunctions;
import dev.portablefn.bench.baseline.gcp.RealisticBaselineGcpHttpFunction;
import dev.portablefn.bench.baseline.gcp.RealisticBaselinePubSubFunction;
import dev.portablefn.bench.realistic.ProviderCalls.Answer;
import dev.portablefn.bench.realistic.portable.OrderApi;
import dev.portablefn.bench.realistic.portable.OrderListener;
import dev.portablefn.bench.realistic.work.OrderDesk;
import dev.portablefn.gcp.GcpCloudEventFunction;
import dev.portablefn.gcp.GcpHttpFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The realistic comparison is fair only if both sides do the same work: for the same input, each realistic baseline
 * and its portable counterpart answer the same (status, content type and body; the same validation failure; the
 * same batch result), log the same line with the same MDC values through logback, and leave the MDC as they found it.
 */
class RealisticEquivalenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = "{\"item\":\"portable-fn-handbook\",\"quantity\":3,\"unitPrice\":12.5,\"customer\":\"ada@example.com\"}";
    private static final String INVALID = "{\"item\":\" \",\"quantity\":0,\"unitPrice\":12.5,\"customer\":\"ada@example.com\"}";
    private static final String CONFIRMATION = "{\"customerId\":\"c-1042\",\"item\":\"portable-fn-handbook\",\"quantity\":3,"
            + "\"total\":37.5,\"status\":\"ACCEPTED\"}";
    private static final String VIOLATIONS = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"request body is not a valid NewOrder: item must not be blank; quantity must be greater than or equal to 1\","
            + "\"errors\":[{\"field\":\"item\",\"message\":\"must not be blank\"},"
            + "{\"field\":\"quantity\",\"message\":\"must be greater than or equal to 1\"}]}";
    private static final String TRACE_OF_TRACEPARENT = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_OF_TRACEPARENT = "00f067aa0ba902b7";
    private static final String EXECUTION_ID = "exec-7f3a";

    private final OrderLines lines = new OrderLines();

    @BeforeEach
    void captureOrderLines() {
        MDC.clear();   // a test that failed with a leaked MDC must not fail the next ones too
        lines.attach();
    }

    @AfterEach
    void stopCapturing() {
        lines.detach();
    }

    /** An HTTP request of the comparison, the status both sides must answer it with, and the body, when it is fixed. */
    enum Request {
        ORDER("POST", ProviderCalls.ORDER_PATH, VALID, 200, CONFIRMATION),
        INVALID_ORDER("POST", ProviderCalls.ORDER_PATH, INVALID, 400, VIOLATIONS),
        UNKNOWN_PATH("POST", "/customers/c-1042", VALID, 404, null),
        WRONG_METHOD("GET", ProviderCalls.ORDER_PATH, VALID, 405, null);

        final String method;
        final String path;
        final String body;
        final int status;
        final String answer;

        Request(String method, String path, String body, int status, String answer) {
            this.method = method;
            this.path = path;
            this.body = body;
            this.status = status;
            this.answer = answer;
        }
    }

    /** One provider's HTTP path: its portable side and its baseline, each answering a request with a fresh desk. */
    enum HttpPath {
        AWS_HTTP_API_V2(Map.of("requestId", "8f5e3c1a-6a43-4f7e-9d0e-1b2c3d4e5f60", "traceId", "5e9f0c651de4d666d4dd26aced652b6c",
                "functionName", "orders", "provider", "AWS")) {
            @Override
            Answer portable(OrderDesk desk, Request request) {
                return aws(new LambdaHandler(new OrderApi(desk)), request);
            }

            @Override
            Answer baseline(OrderDesk desk, Request request) {
                return aws(new RealisticBaselineLambdaHandler(desk), request);
            }
        },
        GCP_HTTP(Map.of("requestId", EXECUTION_ID, "traceId", TRACE_OF_TRACEPARENT, "spanId", SPAN_OF_TRACEPARENT,
                "traceSampled", "true",
                "functionName", gcpFunctionName(OrderApi.class.getName()), "provider", "GCP")) {
            @Override
            Answer portable(OrderDesk desk, Request request) throws Exception {
                HttpResponse response = ProviderCalls.gcpResponse();
                new GcpHttpFunction(new OrderApi(desk)).service(gcpRequest(request, true), response);
                return Answer.of(response);
            }

            @Override
            Answer baseline(OrderDesk desk, Request request) throws Exception {
                HttpResponse response = ProviderCalls.gcpResponse();
                new RealisticBaselineGcpHttpFunction(desk, OrderApi.class.getName()).service(gcpRequest(request, true), response);
                return Answer.of(response);
            }
        },
        AZURE_HTTP(Map.of("requestId", "5b2e6a7c-0d3f-4b8e-9a1c-2f3e4d5c6b7a", "traceId", TRACE_OF_TRACEPARENT,
                "spanId", SPAN_OF_TRACEPARENT, "traceSampled", "true",
                "functionName", "orders", "provider", "AZURE")) {
            @Override
            Answer portable(OrderDesk desk, Request request) {
                return Answer.of(AzureFunctions.of(new OrderApi(desk)).http(azureRequest(request), ProviderCalls.azureContext()));
            }

            @Override
            Answer baseline(OrderDesk desk, Request request) {
                return Answer.of(new RealisticBaselineAzureFunctions(desk).http(azureRequest(request), ProviderCalls.azureContext()));
            }
        };

        final Map<String, String> mdc;

        HttpPath(Map<String, String> mdc) {
            this.mdc = mdc;
        }

        abstract Answer portable(OrderDesk desk, Request request) throws Exception;

        abstract Answer baseline(OrderDesk desk, Request request) throws Exception;
    }

    static Stream<Arguments> everyPathAndRequest() {
        return Stream.of(HttpPath.values()).flatMap(path -> Stream.of(Request.values()).map(request -> Arguments.of(path, request)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyPathAndRequest")
    void httpAnswersAndLogsAsItsBaselineDoes(HttpPath path, Request request) throws Exception {
        OrderDesk portableDesk = new OrderDesk();
        OrderDesk baselineDesk = new OrderDesk();

        Answer portable = path.portable(portableDesk, request);
        List<OrderLine> portableLines = lines.take();
        Answer baseline = path.baseline(baselineDesk, request);
        List<OrderLine> baselineLines = lines.take();

        assertThat(portable.status()).isEqualTo(baseline.status()).isEqualTo(request.status);
        assertThat(mediaType(portable.contentType())).isEqualTo(mediaType(baseline.contentType()))
                .isEqualTo(request.status == 200 ? "application/json" : "application/problem+json");
        assertThat(portable.allow()).isEqualTo(baseline.allow()).isEqualTo(request.status == 405 ? "OPTIONS, POST" : null);
        assertThat(JSON.readTree(portable.body())).isEqualTo(JSON.readTree(baseline.body()));
        if (request.answer != null) {
            assertThat(JSON.readTree(portable.body())).isEqualTo(JSON.readTree(request.answer));
        }
        assertThat(portableLines).isEqualTo(baselineLines).hasSize(request.status == 200 ? 1 : 0);
        if (request.status == 200) {
            assertThat(portableLines.get(0).text()).endsWith("accepted 3 x portable-fn-handbook for customer c-1042");
            assertThat(portableLines.get(0).mdc()).isEqualTo(path.mdc);
        }
        assertThat(portableDesk.orders()).isEqualTo(baselineDesk.orders()).isEqualTo(request.status == 200 ? 1 : 0);
    }

    @Test
    void gcpHttpWithoutAnExecutionIdLogsAGeneratedRequestIdOnBothSides() throws Exception {
        HttpResponse portable = ProviderCalls.gcpResponse();
        HttpResponse baseline = ProviderCalls.gcpResponse();

        new GcpHttpFunction(new OrderApi(new OrderDesk())).service(gcpRequest(Request.ORDER, false), portable);
        Map<String, String> portableMdc = lines.take().get(0).mdc();
        new RealisticBaselineGcpHttpFunction(new OrderDesk(), OrderApi.class.getName()).service(gcpRequest(Request.ORDER, false), baseline);
        Map<String, String> baselineMdc = lines.take().get(0).mdc();

        assertThat(Answer.of(portable)).isEqualTo(Answer.of(baseline));
        assertThat(portableMdc.keySet()).isEqualTo(baselineMdc.keySet());
        assertThat(portableMdc.get("requestId")).matches("[0-9a-f]{1,16}");
        assertThat(baselineMdc.get("requestId")).matches("[0-9a-f]{1,16}");
        assertThat(portableMdc.get("traceId")).isEqualTo(baselineMdc.get("traceId")).isEqualTo(TRACE_OF_TRACEPARENT);
    }

    @Test
    void awsSqsBatchReportsTheSameFailuresAndLogsTheSameLines() throws Exception {
        JsonNode batch = JSON.readTree(Payloads.bytes(Payloads.AWS_SQS_BATCH_10));
        ((ObjectNode) batch.get("Records").get(3)).put("body", INVALID);
        byte[] withAnInvalidRecord = JSON.writeValueAsBytes(batch);
        OrderDesk portableDesk = new OrderDesk();
        OrderDesk baselineDesk = new OrderDesk();

        JsonNode portable = JSON.readTree(lambda(new LambdaHandler(new OrderListener(portableDesk)), Payloads.bytes(Payloads.AWS_SQS_BATCH_10)));
        List<OrderLine> portableLines = lines.take();
        JsonNode baseline = JSON.readTree(lambda(new RealisticBaselineLambdaHandler(baselineDesk), Payloads.bytes(Payloads.AWS_SQS_BATCH_10)));
        List<OrderLine> baselineLines = lines.take();

        assertThat(portable).isEqualTo(baseline).isEqualTo(JSON.readTree("{\"batchItemFailures\":[]}"));
        assertThat(portableLines).isEqualTo(baselineLines).hasSize(10);
        assertThat(portableLines.get(9).text()).endsWith("recorded 10 x book-9 for ada@example.com");
        assertThat(portableLines.get(9).mdc()).isEqualTo(Map.of("requestId", "8f5e3c1a-6a43-4f7e-9d0e-1b2c3d4e5f60",
                "functionName", "orders", "provider", "AWS", "eventId", "059f36b4-87a3-44ab-83d2-661975703869"));
        assertThat(portableDesk.total()).isEqualTo(baselineDesk.total()).isEqualTo(687.5);

        JsonNode portableFailures = JSON.readTree(lambda(new LambdaHandler(new OrderListener(portableDesk)), withAnInvalidRecord));
        portableLines = lines.take();
        JsonNode baselineFailures = JSON.readTree(lambda(new RealisticBaselineLambdaHandler(baselineDesk), withAnInvalidRecord));
        baselineLines = lines.take();

        assertThat(portableFailures).isEqualTo(baselineFailures)
                .isEqualTo(JSON.readTree("{\"batchItemFailures\":[{\"itemIdentifier\":\"059f36b4-87a3-44ab-83d2-661975703863\"}]}"));
        assertThat(portableLines).isEqualTo(baselineLines).hasSize(9);
        assertThat(portableDesk.orders()).isEqualTo(baselineDesk.orders()).isEqualTo(19);
    }

    @Test
    void gcpPubSubEventLogsTheSameLineAndBothThrowForAnInvalidOrder() throws Exception {
        OrderDesk portableDesk = new OrderDesk();
        OrderDesk baselineDesk = new OrderDesk();
        GcpCloudEventFunction portable = new GcpCloudEventFunction(new OrderListener(portableDesk));
        RealisticBaselinePubSubFunction baseline = new RealisticBaselinePubSubFunction(baselineDesk, OrderListener.class.getName());

        portable.accept(ProviderCalls.pubsubEvent(Payloads.bytes(Payloads.GCP_PUBSUB)));
        List<OrderLine> portableLines = lines.take();
        baseline.accept(ProviderCalls.pubsubEvent(Payloads.bytes(Payloads.GCP_PUBSUB)));
        List<OrderLine> baselineLines = lines.take();

        assertThat(portableLines).isEqualTo(baselineLines).hasSize(1);
        assertThat(portableLines.get(0).text()).endsWith("recorded 3 x portable-fn-handbook for ada@example.com");
        assertThat(portableLines.get(0).mdc()).isEqualTo(Map.of("requestId", "1234567890", "eventId", "1234567890",
                "functionName", gcpFunctionName(OrderListener.class.getName()), "provider", "GCP"));

        byte[] invalid = pubsubOf(INVALID);
        // Both throw, so the framework answers 500 and Pub/Sub redelivers until the dead-letter topic: nothing lost.
        assertThatThrownBy(() -> portable.accept(ProviderCalls.pubsubEvent(invalid))).hasMessageContaining("quantity");
        assertThatThrownBy(() -> baseline.accept(ProviderCalls.pubsubEvent(invalid))).hasMessageContaining("1234567890");

        assertThat(lines.take()).isEmpty();
        assertThat(portableDesk.orders()).isEqualTo(baselineDesk.orders()).isEqualTo(1);
    }

    @Test
    void azureQueueMessageLogsTheSameLineAndBothThrowForAnInvalidOrder() throws Exception {
        OrderDesk portableDesk = new OrderDesk();
        OrderDesk baselineDesk = new OrderDesk();
        AzureFunctions portable = AzureFunctions.of(new OrderListener(portableDesk));
        RealisticBaselineAzureFunctions baseline = new RealisticBaselineAzureFunctions(baselineDesk);
        String id = ProviderCalls.AZURE_MESSAGE_ID;

        portable.queue(VALID, id, 1, "2026-11-28T10:00:00+00:00", ProviderCalls.azureContext());
        List<OrderLine> portableLines = lines.take();
        baseline.queue(VALID, id, ProviderCalls.azureContext());
        List<OrderLine> baselineLines = lines.take();

        assertThat(portableLines).isEqualTo(baselineLines).hasSize(1);
        assertThat(portableLines.get(0).mdc()).isEqualTo(Map.of("requestId", "5b2e6a7c-0d3f-4b8e-9a1c-2f3e4d5c6b7a",
                "traceId", TRACE_OF_TRACEPARENT, "spanId", SPAN_OF_TRACEPARENT, "traceSampled", "true",
                "functionName", "orders", "provider", "AZURE", "eventId", id));

        // The host retries a message whose function throws, then moves it to the poison queue: both sides throw.
        assertThatThrownBy(() -> portable.queue(INVALID, id, 1, "2026-11-28T10:00:00+00:00", ProviderCalls.azureContext()))
                .hasMessageContaining("quantity");
        assertThatThrownBy(() -> baseline.queue(INVALID, id, ProviderCalls.azureContext()))
                .hasMessageContaining(id);
        assertThat(lines.take()).isEmpty();
        assertThat(portableDesk.orders()).isEqualTo(baselineDesk.orders()).isEqualTo(1);
    }

    @Test
    void theBenchmarkRunsOnLogbackWithTheDiscardingAppender() {
        assertThat(DiscardingAppender.installed().isStarted()).isTrue();
    }

    // ------------------------------------------------------------------ provider inputs

    private static Answer aws(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, Request request) {
        try {
            JsonNode event = JSON.readTree(Payloads.bytes(ProviderCalls.AWS_HTTP_API_V2));
            ((ObjectNode) event).put("rawPath", request.path).put("body", request.body);
            ((ObjectNode) event.at("/requestContext/http")).put("method", request.method).put("path", request.path);
            JsonNode response = JSON.readTree(lambda(handler, JSON.writeValueAsBytes(event)));
            return new Answer(response.get("statusCode").asInt(), response.at("/headers/content-type").asText(null),
                    response.at("/headers/allow").asText(null), response.get("body").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] lambda(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, ProviderCalls.lambdaContext());
        return out.toByteArray();
    }

    private static com.google.cloud.functions.HttpRequest gcpRequest(Request request, boolean withExecutionId) {
        Map<String, List<String>> headers = new HashMap<>(Payloads.HTTP_HEADERS);
        if (withExecutionId) {
            headers.put("Function-Execution-Id", List.of(EXECUTION_ID));
        }
        return new ProviderCalls.GcpRequests(request.method, request.path, headers)
                .next(request.body.getBytes(StandardCharsets.UTF_8));
    }

    private static com.microsoft.azure.functions.HttpRequestMessage<java.util.Optional<String>> azureRequest(Request request) {
        return new ProviderCalls.AzureRequests(request.method, request.path, Payloads.singleValuedHeaders()).next(request.body);
    }

    private static byte[] pubsubOf(String order) throws IOException {
        ObjectNode data = (ObjectNode) JSON.readTree(Payloads.bytes(Payloads.GCP_PUBSUB));
        ((ObjectNode) data.get("message")).put("data", Base64.getEncoder().encodeToString(order.getBytes(StandardCharsets.UTF_8)));
        return JSON.writeValueAsBytes(data);
    }

    /** The name both GCP sides log: the platform's, else the portable function's class name. */
    private static String gcpFunctionName(String className) {
        for (String variable : new String[] {"K_SERVICE", "FUNCTION_TARGET", "FUNCTION_NAME"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return className;
    }

    private static String mediaType(String contentType) {
        return contentType == null ? null : contentType.split(";", 2)[0].trim();
    }

    // ------------------------------------------------------------------ log capture

    /**
     * One line of the order logger: its text as logback.xml's encoder formats it (the timestamp taken off, the only
     * part that differs between two calls) and the MDC it was logged with.
     *
     * @param text the formatted line after the timestamp
     * @param mdc  the MDC when it was logged
     */
    record OrderLine(String text, Map<String, String> mdc) {
    }

    /** Captures the lines of {@link OrderDesk#LOGGER_NAME} while a test runs, and checks each call cleaned its MDC up. */
    static final class OrderLines extends AppenderBase<ILoggingEvent> {
        private final List<OrderLine> captured = new ArrayList<>();
        private final Encoder<ILoggingEvent> encoder = DiscardingAppender.installed().getEncoder();

        void attach() {
            start();
            logger().addAppender(this);
        }

        void detach() {
            logger().detachAppender(this);
            stop();
        }

        /** @return the lines since the last call; also checks the MDC is empty again */
        List<OrderLine> take() {
            assertThat(MDC.getCopyOfContextMap()).as("MDC after the call").isNullOrEmpty();
            List<OrderLine> taken = List.copyOf(captured);
            captured.clear();
            return taken;
        }

        @Override
        protected void append(ILoggingEvent event) {
            String line = new String(encoder.encode(event), StandardCharsets.UTF_8).strip();
            captured.add(new OrderLine(line.substring(line.indexOf(' ') + 1), Map.copyOf(event.getMDCPropertyMap())));
        }

        private static Logger logger() {
            return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(OrderDesk.LOGGER_NAME);
        }
    }
}
