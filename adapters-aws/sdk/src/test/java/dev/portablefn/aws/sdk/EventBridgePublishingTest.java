package dev.portablefn.aws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Context;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.Provider;
import dev.portablefn.api.TraceContext;
import dev.portablefn.runtime.internal.outbound.CurrentInvocation;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import dev.portablefn.runtime.internal.trace.TraceHeaders;
import dev.portablefn.runtime.json.JacksonCodec;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Puts events on an EventBridge bus through a {@link LoopbackAwsServer}: EventBridge has no emulator, so a JDK HTTP
 * server on a free loopback port checks the request the SDK really sends (JSON 1.1 protocol, target
 * {@code AWSEvents.PutEvents}, signed with {@code AWS4-HMAC-SHA256}, one entry with bus, source, detail type,
 * detail and X-Ray trace header) and answers as EventBridge documents it ({@code FailedEntryCount} and
 * {@code Entries}, or a JSON error with {@code __type}). Proves where the body, attributes and trace go, that a
 * partly failed answer ({@code FailedEntryCount} 1) is classified from the entry's error code, and the
 * classification of whole-call failures.
 */
class EventBridgePublishingTest {

    private static final String BUS = "arn:aws:events:us-east-1:123456789012:event-bus/orders-bus";
    private static final String JSON_1_1 = "application/x-amz-json-1.1";
    private static final TraceContext TRACE =
            TraceHeaders.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();

    private final LoopbackAwsServer server = new LoopbackAwsServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private AwsPublisher publisher() {
        return new AwsPublisher(LogicalNames.from(Map.of("PORTABLEFN_DESTINATION_ORDERS", BUS)::get),
                AwsClients.at(server.endpoint(), Region.US_EAST_1,
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "test-secret")))
                        .withMaxAttempts(1));
    }

    private static String inInvocation(java.util.function.Supplier<String> call) {
        Context context = Context.builder().provider(Provider.AWS).requestId("publisher-1").functionName("checkout")
                .deadline(Instant.now().plusSeconds(30)).trace(TRACE).build();
        Context outer = CurrentInvocation.onThisThread().enter(context);
        try {
            return call.get();
        } finally {
            CurrentInvocation.onThisThread().exit(outer);
        }
    }

    @Test
    void putEventSendsTheBodyAsDetailWithAttributesAndTrace() throws Exception {
        server.answer(200, JSON_1_1, "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"ev-1\"}]}");
        try (AwsPublisher publisher = publisher()) {
            String id = inInvocation(() -> publisher.publish("orders", "{\"orderId\":\"o-1\"}",
                    Map.of("detailType", "OrderPlaced", "source", "shop.checkout", "kind", "created")));

            assertThat(id).isEqualTo("ev-1");
        }
        LoopbackAwsServer.Request request = server.requests().get(0);
        assertThat(request.header("X-Amz-Target")).isEqualTo("AWSEvents.PutEvents");
        assertThat(request.header("Authorization")).startsWith("AWS4-HMAC-SHA256 ")
                .contains("/us-east-1/events/aws4_request");
        JsonNode entry = JacksonCodec.standard().mapper().readTree(request.body()).get("Entries").get(0);
        assertThat(entry.get("EventBusName").textValue()).isEqualTo(BUS);
        assertThat(entry.get("Source").textValue()).isEqualTo("shop.checkout");
        assertThat(entry.get("DetailType").textValue()).isEqualTo("OrderPlaced");
        assertThat(entry.get("TraceHeader").textValue())
                .isEqualTo("Root=1-4bf92f35-77b34da6a3ce929d0e0e4736;Parent=00f067aa0ba902b7;Sampled=1");
        JsonNode detail = JacksonCodec.standard().mapper().readTree(entry.get("Detail").textValue());
        assertThat(detail.get("orderId").textValue()).isEqualTo("o-1");
        assertThat(detail.get(EventBridgeEvents.ATTRIBUTES_MEMBER).get("kind").textValue()).isEqualTo("created");
        assertThat(detail.get(EventBridgeEvents.ATTRIBUTES_MEMBER).get("traceparent").textValue())
                .isEqualTo(TRACE.toTraceparent());
        assertThat(detail.get(EventBridgeEvents.ATTRIBUTES_MEMBER).has("detailType")).isFalse();
    }

    @Test
    void withoutAttributesTheDetailIsTheBodyAsWrittenAndTheDefaultsNameTheEvent() throws Exception {
        server.answer(200, JSON_1_1, "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"ev-2\"}]}");
        try (AwsPublisher publisher = publisher()) {
            publisher.publish("orders", "{ \"orderId\" : \"o-2\" }", Map.of());
        }
        JsonNode entry = JacksonCodec.standard().mapper().readTree(server.requests().get(0).body())
                .get("Entries").get(0);
        assertThat(entry.get("Detail").textValue()).isEqualTo("{ \"orderId\" : \"o-2\" }");
        assertThat(entry.get("Source").textValue()).isEqualTo(EventBridgeEvents.DEFAULT_SOURCE);
        assertThat(entry.get("DetailType").textValue()).isEqualTo("orders");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ThrottlingException, dev.portablefn.api.RetryableException",
            "InternalFailure, dev.portablefn.api.RetryableException",
            "MalformedDetail, dev.portablefn.api.PermanentFailure",
            "NotAuthorizedForSourceException, dev.portablefn.api.PermanentFailure"})
    void partlyFailedAnswerIsClassifiedFromTheEntrysErrorCode(String code, Class<? extends Exception> expected) {
        server.answer(200, JSON_1_1, "{\"FailedEntryCount\":1,\"Entries\":[{\"ErrorCode\":\"" + code
                + "\",\"ErrorMessage\":\"entry refused\"}]}");
        try (AwsPublisher publisher = publisher()) {
            assertThatThrownBy(() -> publisher.publish("orders", "{}", Map.of()))
                    .isInstanceOf(expected).hasMessageContaining("EventBridge").hasMessageContaining("'orders'")
                    .hasMessageContaining(code);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "400, ThrottlingException, dev.portablefn.api.RetryableException",
            "500, InternalException, dev.portablefn.api.RetryableException",
            "400, AccessDeniedException, dev.portablefn.api.PermanentFailure",
            "403, AccessDeniedException, dev.portablefn.api.PermanentFailure",
            "400, ResourceNotFoundException, dev.portablefn.api.PermanentFailure"})
    void failedCallIsClassified(int status, String type, Class<? extends Exception> expected) {
        server.answer(status, JSON_1_1, "{\"__type\":\"" + type + "\",\"message\":\"no\"}");
        try (AwsPublisher publisher = publisher()) {
            assertThatThrownBy(() -> publisher.publish("orders", "{}", Map.of()))
                    .isInstanceOf(expected).hasMessageContaining("'orders'").hasMessageContaining(type);
        }
    }

    @Test
    void bodyThatIsNotAJsonObjectIsRefusedBeforeTheCall() {
        try (AwsPublisher publisher = publisher()) {
            assertThatThrownBy(() -> publisher.publish("orders", "plain text", Map.of()))
                    .isInstanceOf(PermanentFailure.class).hasMessageContaining("JSON object");
            assertThatThrownBy(() -> publisher.publish("orders", "[1,2]", Map.of()))
                    .isInstanceOf(PermanentFailure.class).hasMessageContaining("JSON object");
            assertThatThrownBy(() -> publisher.publish("orders",
                    "{\"pad\":\"" + "x".repeat(256 * 1024) + "\"}", Map.of()))
                    .isInstanceOf(PermanentFailure.class).hasMessageContaining("EventBridge's limit");
        }
        assertThat(server.requests()).isEmpty();
    }
}
