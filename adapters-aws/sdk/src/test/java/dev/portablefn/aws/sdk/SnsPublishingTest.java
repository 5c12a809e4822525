package dev.portablefn.aws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.Context;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.Provider;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.TraceContext;
import dev.portablefn.runtime.internal.outbound.CurrentInvocation;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import dev.portablefn.runtime.internal.trace.TraceHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Publishes to SNS through a {@link LoopbackAwsServer}: SNS has no emulator, so a JDK HTTP server on a free loopback
 * port checks the request the SDK really sends (AWS Query protocol: {@code Action=Publish}, the topic, message,
 * attributes and FIFO ids as form fields, signed with {@code AWS4-HMAC-SHA256}) and answers as SNS documents it
 * (the {@code PublishResponse} XML, or an {@code ErrorResponse}). Proves the request's shape, the classification of
 * throttling, 403, 404 and 500 answers, that the SDK's retries stay inside the call, that a call is cut at the
 * invocation's deadline, and that a topic ARN is told from the setting's value.
 */
class SnsPublishingTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:orders";
    private static final String XML = "text/xml";
    private static final TraceContext TRACE =
            TraceHeaders.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();

    private final LoopbackAwsServer server = new LoopbackAwsServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private AwsPublisher publisher(int attempts) {
        AwsClients clients = AwsClients.at(server.endpoint(), Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "test-secret")));
        return new AwsPublisher(LogicalNames.from(Map.of(
                "PORTABLEFN_DESTINATION_ORDERS", TOPIC,
                "PORTABLEFN_DESTINATION_PAYMENTS", TOPIC + ".fifo")::get),
                attempts == 0 ? clients : clients.withMaxAttempts(attempts));
    }

    private static String published(String messageId) {
        return "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>"
                + messageId + "</MessageId></PublishResult><ResponseMetadata><RequestId>r-1</RequestId>"
                + "</ResponseMetadata></PublishResponse>";
    }

    private static String error(String type, String code, String message) {
        return "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>" + type + "</Type><Code>"
                + code + "</Code><Message>" + message + "</Message></Error><RequestId>r-2</RequestId></ErrorResponse>";
    }

    private static <T> T inInvocation(Duration left, java.util.function.Supplier<T> call) {
        Context context = Context.builder().provider(Provider.AWS).requestId("publisher-1").functionName("checkout")
                .deadline(Instant.now().plus(left)).trace(TRACE).build();
        Context outer = CurrentInvocation.onThisThread().enter(context);
        try {
            return call.get();
        } finally {
            CurrentInvocation.onThisThread().exit(outer);
        }
    }

    @Test
    void publishSendsASignedQueryRequestWithAttributesAndTrace() {
        server.answer(200, XML, published("msg-1"));
        try (AwsPublisher publisher = publisher(1)) {
            String id = inInvocation(Duration.ofSeconds(30),
                    () -> publisher.publish("orders", "{\"orderId\":\"o-1\"}", Map.of("kind", "created")));

            assertThat(id).isEqualTo("msg-1");
        }
        LoopbackAwsServer.Request request = server.requests().get(0);
        assertThat(request.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/us-east-1/sns/aws4_request").contains("Signature=");
        Map<String, String> form = request.form();
        assertThat(form).containsEntry("Action", "Publish").containsEntry("TopicArn", TOPIC)
                .containsEntry("Message", "{\"orderId\":\"o-1\"}")
                .containsEntry("MessageAttributes.entry.1.Name", "kind")
                .containsEntry("MessageAttributes.entry.1.Value.DataType", "String")
                .containsEntry("MessageAttributes.entry.1.Value.StringValue", "created")
                .containsEntry("MessageAttributes.entry.2.Name", "traceparent")
                .containsEntry("MessageAttributes.entry.2.Value.StringValue", TRACE.toTraceparent())
                .doesNotContainKey("MessageGroupId");
    }

    @Test
    void fifoTopicTakesGroupAndDeduplicationIdsFromTheAttributes() {
        server.answer(200, XML, published("msg-2"));
        try (AwsPublisher publisher = publisher(1)) {
            publisher.publish("payments", "paid", Map.of(AwsPublisher.MESSAGE_GROUP_ID, "customer-7",
                    AwsPublisher.MESSAGE_DEDUPLICATION_ID, "payment-42"));
        }
        Map<String, String> form = server.requests().get(0).form();
        assertThat(form).containsEntry("MessageGroupId", "customer-7")
                .containsEntry("MessageDeduplicationId", "payment-42")
                .doesNotContainValue(AwsPublisher.MESSAGE_GROUP_ID);
    }

    static Stream<Arguments> failureAnswers() {
        return Stream.of(
                Arguments.of(400, error("Sender", "Throttling", "Rate exceeded"), RetryableException.class, "Throttling"),
                Arguments.of(500, error("Receiver", "InternalError", "Oops"), RetryableException.class, "InternalError"),
                Arguments.of(503, error("Receiver", "ServiceUnavailable", "Later"), RetryableException.class, "503"),
                Arguments.of(403, error("Sender", "AuthorizationError", "User is not authorized"),
                        PermanentFailure.class, "AuthorizationError"),
                Arguments.of(404, error("Sender", "NotFound", "Topic does not exist"), PermanentFailure.class,
                        "NotFound"),
                Arguments.of(400, error("Sender", "InvalidParameter", "Invalid parameter: MessageAttributes"),
                        PermanentFailure.class, "InvalidParameter"));
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("failureAnswers")
    void failureAnswersAreClassifiedAndNameTheLogicalDestination(int status, String body,
                                                                 Class<? extends Exception> expected, String code) {
        server.answer(status, XML, body);
        try (AwsPublisher publisher = publisher(1)) {
            assertThatThrownBy(() -> publisher.publish("orders", "hello", Map.of()))
                    .isInstanceOf(expected).hasMessageContaining("SNS").hasMessageContaining("'orders'")
                    .hasMessageContaining(code).hasNoCause();
        }
    }

    @Test
    void serverErrorsAreRetriedByTheSdkWithinTheCall() {
        server.answer(500, XML, error("Receiver", "InternalError", "Oops"))
                .answer(500, XML, error("Receiver", "InternalError", "Oops"))
                .answer(200, XML, published("msg-3"));
        try (AwsPublisher publisher = publisher(0)) {
            assertThat(publisher.publish("orders", "hello", Map.of())).isEqualTo("msg-3");
        }
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aServiceThatDoesNotAnswerIsCutAtTheInvocationsDeadline() {
        try (AwsPublisher publisher = publisher(0)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> inInvocation(Duration.ofMillis(700),
                    () -> publisher.publish("orders", "hello", Map.of())))
                    .isInstanceOf(RetryableException.class).hasMessageContaining("'orders'");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void noTimeLeftFailsRetryablyWithoutACall() {
        try (AwsPublisher publisher = publisher(1)) {
            assertThatThrownBy(() -> inInvocation(Duration.ofMillis(50),
                    () -> publisher.publish("orders", "hello", Map.of())))
                    .isInstanceOf(RetryableException.class).hasMessageContaining("no time is left");
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void refusedAttributesFailBeforeTheCall() {
        try (AwsPublisher publisher = publisher(1)) {
            assertThatThrownBy(() -> publisher.publish("orders", "x", Map.of("AWS.trace", "v")))
                    .isInstanceOf(PermanentFailure.class).hasMessageContaining("'AWS.trace'")
                    .hasMessageContaining("reserved");
            assertThatThrownBy(() -> publisher.publish("orders", "x", Map.of("empty", "")))
                    .isInstanceOf(PermanentFailure.class).hasMessageContaining("'empty'");
            assertThatThrownBy(() -> publisher.publish("orders", "x".repeat(256 * 1024 + 1), Map.of()))
                    .isInstanceOf(PermanentFailure.class).hasMessageContaining("SNS's limit");
        }
        assertThat(server.requests()).isEmpty();
    }
}
