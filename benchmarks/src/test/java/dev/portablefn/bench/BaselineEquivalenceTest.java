package dev.portablefn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.HttpResponseMessage;
import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.azure.AzureFunctions;
import dev.portablefn.bench.baseline.BaselineMdc;
import dev.portablefn.aws.sdk.AwsPublisher;
import dev.portablefn.bench.baseline.aws.BaselineLambdaHandler;
import dev.portablefn.bench.baseline.aws.PublishingBaselineLambdaHandler;
import dev.portablefn.bench.baseline.azure.BaselineAzureFunctions;
import dev.portablefn.bench.baseline.gcp.BaselineGcpHttpFunction;
import dev.portablefn.bench.baseline.gcp.BaselinePubSubFunction;
import dev.portablefn.bench.portable.MinimalAwsHandler;
import dev.portablefn.bench.portable.OrderEventFunction;
import dev.portablefn.bench.portable.OrderHttpFunction;
import dev.portablefn.bench.portable.PublishingOrderFunction;
import dev.portablefn.bench.work.OrderBook;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import dev.portablefn.doubles.azure.FakeExecutionContext;
import dev.portablefn.doubles.azure.FakeHttpRequestMessage;
import dev.portablefn.doubles.gcp.FakeCloudEvent;
import dev.portablefn.doubles.gcp.FakeHttpRequest;
import dev.portablefn.doubles.gcp.FakeHttpResponse;
import dev.portablefn.gcp.GcpCloudEventFunction;
import dev.portablefn.gcp.GcpHttpFunction;
import dev.portablefn.runtime.internal.trace.TraceHeaders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/** The comparison is fair only if both sides do the same work: same payloads in, equivalent responses and books out. */
class BaselineEquivalenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECEIPT = "{\"item\":\"portable-fn-handbook\",\"quantity\":3,\"total\":37.5,\"status\":\"ACCEPTED\"}";

    @Test
    void awsHttpApiV2ResponseMatchesTheBaseline() throws Exception {
        JsonNode portable = aws(new MinimalAwsHandler(), Payloads.AWS_HTTP_API_V2);
        JsonNode baseline = aws(new BaselineLambdaHandler(), Payloads.AWS_HTTP_API_V2);

        assertThat(portable.get("statusCode").asInt()).isEqualTo(baseline.get("statusCode").asInt()).isEqualTo(200);
        assertThat(portable.at("/headers/content-type").asText()).startsWith("application/json");
        assertThat(baseline.at("/headers/content-type").asText()).isEqualTo("application/json");
        assertThat(JSON.readTree(portable.get("body").asText())).isEqualTo(JSON.readTree(baseline.get("body").asText()))
                .isEqualTo(JSON.readTree(RECEIPT));
        assertThat(portable.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(baseline.get("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void awsPublishingSendsTheSameSnsMessageAndAnswersLikeTheBaseline() throws Exception {
        String topic = "arn:aws:sns:eu-west-1:123456789012:orders";
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEQUIVALENCE", "equivalence-secret"));
        try (SnsStub stub = SnsStub.start();
             AwsPublisher publisher = AwsPublisher.withEndpoint(Map.of("PORTABLEFN_DESTINATION_ORDERS", topic)::get,
                     stub.endpoint(), Region.EU_WEST_1, credentials);
             SnsClient sns = SnsClient.builder().endpointOverride(stub.endpoint()).region(Region.EU_WEST_1)
                     .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder())
                     .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.standardRetryStrategy()))
                     .build()) {
            JsonNode portable = aws(new LambdaHandler(new PublishingOrderFunction(publisher)), Payloads.AWS_HTTP_API_V2);
            JsonNode baseline = aws(new PublishingBaselineLambdaHandler(sns, topic), Payloads.AWS_HTTP_API_V2);

            assertThat(portable.get("statusCode").asInt()).isEqualTo(baseline.get("statusCode").asInt()).isEqualTo(200);
            assertThat(JSON.readTree(portable.get("body").asText())).isEqualTo(JSON.readTree(baseline.get("body").asText()))
                    .isEqualTo(JSON.readTree(RECEIPT));
            assertThat(stub.published()).hasSize(2);
            Map<String, String> fromPortable = stub.published().get(0);
            assertThat(fromPortable).isEqualTo(stub.published().get(1))
                    .containsEntry("TopicArn", topic)
                    .containsEntry("MessageAttributes.entry.1.Name", "traceparent")
                    .containsEntry("MessageAttributes.entry.1.Value.StringValue",
                            TraceHeaders.fromXRay("Root=1-5e9f0c65-1de4d666d4dd26aced652b6c").orElseThrow().toTraceparent());
            assertThat(JSON.readTree(fromPortable.get("Message"))).isEqualTo(JSON.readTree(RECEIPT));
        }
    }

    @Test
    void awsSqsBatchRecordsTheSameOrdersAndReportsNoFailures() throws Exception {
        OrderBook portableBook = new OrderBook();
        OrderBook baselineBook = new OrderBook();

        JsonNode portable = aws(new LambdaHandler(new OrderEventFunction(portableBook)), Payloads.AWS_SQS_BATCH_10);
        JsonNode baseline = aws(new BaselineLambdaHandler(baselineBook), Payloads.AWS_SQS_BATCH_10);

        assertThat(portable).isEqualTo(baseline).isEqualTo(JSON.readTree("{\"batchItemFailures\":[]}"));
        assertThat(portableBook.orders()).isEqualTo(baselineBook.orders()).isEqualTo(10);
        assertThat(portableBook.total()).isEqualTo(baselineBook.total()).isEqualTo(687.5);
    }

    @Test
    void gcpHttpResponseMatchesTheBaseline() throws Exception {
        byte[] order = Payloads.bytes(Payloads.ORDER);
        FakeHttpResponse portable = new FakeHttpResponse();
        FakeHttpResponse baseline = new FakeHttpResponse();

        new GcpHttpFunction(new OrderHttpFunction())
                .service(FakeHttpRequest.of("POST", "/orders", FakeHttpRequest.HeaderFields.of(Payloads.HTTP_HEADERS), order), portable);
        new BaselineGcpHttpFunction().service(FakeHttpRequest.of("POST", "/orders", FakeHttpRequest.HeaderFields.of(Payloads.HTTP_HEADERS), order), baseline);

        assertThat(portable.statusCode()).isEqualTo(baseline.statusCode()).isEqualTo(200);
        assertThat(portable.getContentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(baseline.getContentType()).hasValue("application/json");
        assertThat(JSON.readTree(portable.body())).isEqualTo(JSON.readTree(baseline.body())).isEqualTo(JSON.readTree(RECEIPT));
    }

    @Test
    void gcpPubSubCloudEventRecordsTheSameOrder() throws Exception {
        OrderBook portableBook = new OrderBook();
        OrderBook baselineBook = new OrderBook();
        FakeCloudEvent event = Payloads.pubsubEvent("1234567890");

        new GcpCloudEventFunction(new OrderEventFunction(portableBook)).accept(event);
        new BaselinePubSubFunction(baselineBook).accept(event);

        assertThat(portableBook.orders()).isEqualTo(baselineBook.orders()).isEqualTo(1);
        assertThat(portableBook.total()).isEqualTo(baselineBook.total()).isEqualTo(37.5);
    }

    @Test
    void azureHttpResponseMatchesTheBaseline() throws Exception {
        String order = Payloads.text(Payloads.ORDER);
        FakeExecutionContext context = Payloads.executionContext("invocation-1");

        HttpResponseMessage portable = AzureFunctions.of(new OrderHttpFunction())
                .http(FakeHttpRequestMessage.bind(Payloads.azureHttpRequest(), order), context);
        HttpResponseMessage baseline = new BaselineAzureFunctions(new OrderBook())
                .http(FakeHttpRequestMessage.bind(Payloads.azureHttpRequest(), order), context);

        assertThat(portable.getStatusCode()).isEqualTo(baseline.getStatusCode()).isEqualTo(200);
        assertThat(portable.getHeader("Content-Type")).startsWith("application/json");
        assertThat(baseline.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(JSON.readTree(bodyText(portable))).isEqualTo(JSON.readTree(bodyText(baseline))).isEqualTo(JSON.readTree(RECEIPT));
    }

    @Test
    void azureQueueMessageRecordsTheSameOrder() throws Exception {
        OrderBook portableBook = new OrderBook();
        OrderBook baselineBook = new OrderBook();
        String order = Payloads.text(Payloads.ORDER);
        FakeExecutionContext context = Payloads.executionContext("invocation-2");

        AzureFunctions.of(new OrderEventFunction(portableBook)).queue(order, "message-1", 1, "2026-11-28T10:00:00+00:00", context);
        new BaselineAzureFunctions(baselineBook).queue(order, context);

        assertThat(portableBook.orders()).isEqualTo(baselineBook.orders()).isEqualTo(1);
        assertThat(portableBook.total()).isEqualTo(baselineBook.total()).isEqualTo(37.5);
    }

    private static JsonNode aws(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, String payload)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Payloads.bytes(payload)), out, FakeLambdaContext.of("request-1", "orders", 30_000));
        return JSON.readTree(out.toByteArray());
    }

    private static String bodyText(HttpResponseMessage response) {
        Object body = response.getBody();
        return body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
    }

    @Test
    void baselinesPutTheTraceTheLibraryPutsIntoTheMdcAndMessages() {
        String xRay = "Root=1-5e9f0c65-1de4d666d4dd26aced652b6c;Parent=53995c3f42cd8ad8;Sampled=1";
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        assertThat(BaselineMdc.traceIdOfXRay(xRay)).isEqualTo(TraceHeaders.fromXRay(xRay).orElseThrow().traceId());
        assertThat(BaselineMdc.traceIdOfTraceparent(traceparent))
                .isEqualTo(TraceHeaders.fromTraceparent(traceparent).orElseThrow().traceId());
        assertThat(BaselineMdc.traceIdOfXRay(null)).isNull();
        assertThat(BaselineMdc.traceparentOfXRay(xRay))
                .isEqualTo(TraceHeaders.fromXRay(xRay).orElseThrow().toTraceparent());
        assertThat(BaselineMdc.traceIdOfTraceparent("00-short")).isNull();
        assertThat(BaselineMdc.traceparentOfXRay("Root=1-5e9f0c65-1de4d666d4dd26aced652b6c"))
                .isEqualTo(TraceHeaders.fromXRay("Root=1-5e9f0c65-1de4d666d4dd26aced652b6c").orElseThrow().toTraceparent());
        assertThat(BaselineMdc.traceparentOfXRay(null)).isNull();
    }
}
