package dev.portablefn.gcp.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.pubsub.v1.PubsubMessage;
import dev.portablefn.api.Context;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.Provider;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.TraceContext;
import dev.portablefn.runtime.internal.outbound.CurrentInvocation;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Pub/Sub publisher, with the real client library speaking gRPC to Pub/Sub's service in process. */
class PubSubPublisherTest {

    static final String TOPIC = "projects/demo/topics/orders";
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SPAN_ID = "00f067aa0ba902b7";

    private InProcessPubSub pubsub;
    private PubSubPublisher publisher;

    @BeforeEach
    void start() throws Exception {
        pubsub = new InProcessPubSub();
        publisher = pubsub.publisher(Map.of("PORTABLEFN_DESTINATION_ORDERS", TOPIC,
                "PORTABLEFN_DESTINATION_LEGACY", "orders-topic"));
    }

    @AfterEach
    void stop() throws Exception {
        publisher.close();
        pubsub.close();
    }

    static Context invocation(Duration left) {
        return Context.builder().requestId("r-1").functionName("checkout").provider(Provider.GCP)
                .deadline(Instant.now().plus(left)).trace(new TraceContext(TRACE_ID, SPAN_ID, true, null)).build();
    }

    static <T> T inside(Context context, Supplier<T> call) {
        Context outer = CurrentInvocation.onThisThread().enter(context);
        try {
            return call.get();
        } finally {
            CurrentInvocation.onThisThread().exit(outer);
        }
    }

    @Test
    void dataAttributesOrderingKeyAndTraceparentArrive() {
        String id = inside(invocation(Duration.ofSeconds(10)), () -> publisher.publish("orders",
                "{\"id\":\"o-1\"}", Map.of("origin", "web", "messageGroupId", "customer-7")));

        PubsubMessage received = pubsub.service.onlyMessage();
        assertThat(pubsub.service.requests().get(0).getTopic()).isEqualTo(TOPIC);
        assertThat(id).isEqualTo("message-1");
        assertThat(received.getData().toStringUtf8()).isEqualTo("{\"id\":\"o-1\"}");
        assertThat(received.getOrderingKey()).isEqualTo("customer-7");
        assertThat(received.getAttributesMap()).containsOnly(Map.entry("origin", "web"),
                Map.entry("traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-01"));
    }

    @Test
    void messageWithoutGroupHasNoOrderingKeyAndOutsideAnInvocationNoTrace() {
        publisher.publish("orders", "hello", Map.of());
        publisher.publish("orders", "again", null);

        assertThat(pubsub.service.requests()).hasSize(2).allSatisfy(request -> {
            assertThat(request.getMessages(0).getOrderingKey()).isEmpty();
            assertThat(request.getMessages(0).getAttributesMap()).isEmpty();
        });
    }

    @ParameterizedTest
    @MethodSource("refusedStatuses")
    void refusalsArePermanentFailuresNamingTheLogicalDestination(Status status) {
        pubsub.service.failWith(status.withDescription("Resource not available: " + TOPIC));

        assertThatThrownBy(() -> publisher.publish("orders", "hello", Map.of()))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("'orders'")
                .hasMessageContaining(status.getCode().name());
        assertThat(pubsub.service.requests()).as("not retried").hasSize(1);
    }

    static Stream<Status> refusedStatuses() {
        return Stream.of(Status.NOT_FOUND, Status.PERMISSION_DENIED, Status.UNAUTHENTICATED, Status.INVALID_ARGUMENT);
    }

    @Test
    void notFoundSaysWhichSettingToFix() {
        pubsub.service.failWith(Status.NOT_FOUND.withDescription("Resource not found (resource=orders)."));

        assertThatThrownBy(() -> publisher.publish("orders", "hello", Map.of()))
                .hasMessageContaining("PORTABLEFN_DESTINATION_ORDERS");
    }

    @Test
    void unavailableBeyondTheDeadlineIsRetryable() {
        pubsub.service.failWith(Status.UNAVAILABLE.withDescription("the service is restarting"));
        long started = System.nanoTime();

        assertThatThrownBy(() -> inside(invocation(Duration.ofMillis(700)),
                () -> publisher.publish("orders", "hello", Map.of())))
                .isInstanceOf(RetryableException.class)
                .hasMessageContaining("'orders'");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by the invocation, not the 30 s cap")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(pubsub.service.requests()).as("the client retried UNAVAILABLE").hasSizeGreaterThan(1);
        pubsub.service.failWith(null); // so the retry still in flight ends and close() need not wait for it
    }

    @Test
    void invocationWithNoTimeLeftMakesNoCall() {
        assertThatThrownBy(() -> inside(invocation(Duration.ofMillis(50)),
                () -> publisher.publish("orders", "hello", Map.of())))
                .isInstanceOf(RetryableException.class);
        assertThat(pubsub.service.requests()).isEmpty();
    }

    @Test
    void failedOrderedPublishResumesItsKeySoTheRetryGoesOut() {
        pubsub.service.failWith(Status.PERMISSION_DENIED);
        Map<String, String> grouped = Map.of("messageGroupId", "customer-7");
        assertThatThrownBy(() -> publisher.publish("orders", "first", grouped)).isInstanceOf(PermanentFailure.class);

        pubsub.service.failWith(null);

        assertThat(publisher.publish("orders", "first", grouped)).startsWith("message-");
        assertThat(pubsub.service.requests()).hasSize(2);
    }

    @Test
    void providerMessagesAreRedacted() {
        pubsub.service.failWith(Status.PERMISSION_DENIED.withDescription("denied; Authorization: Bearer ya29.secret"));

        assertThatThrownBy(() -> publisher.publish("orders", "hello", Map.of()))
                .isInstanceOf(PermanentFailure.class)
                .message().doesNotContain("ya29.secret");
    }

    @Test
    void oversizeMessageIsRefusedBeforeAnyCall() {
        String body = "x".repeat((int) com.google.cloud.pubsub.v1.Publisher.getApiMaxRequestBytes());

        assertThatThrownBy(() -> publisher.publish("orders", body, Map.of()))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("'orders'")
                .hasMessageContaining("Pub/Sub");
        assertThat(pubsub.service.requests()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedAttributes")
    void attributesPubSubRefusesAreRefusedBeforeAnyCall(String why, Map<String, String> attributes) {
        assertThatThrownBy(() -> publisher.publish("orders", "hello", attributes))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("'orders'");
        assertThat(pubsub.service.requests()).isEmpty();
    }

    static Stream<Arguments> refusedAttributes() {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 101; i++) {
            many.put("a" + i, "v");
        }
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("origin", null);
        return Stream.of(
                Arguments.of("reserved goog prefix", Map.of("googclient_x", "v")),
                Arguments.of("empty name", Map.of("", "v")),
                Arguments.of("name over 256 bytes", Map.of("n".repeat(257), "v")),
                Arguments.of("value over 1024 bytes", Map.of("origin", "é".repeat(513))),
                Arguments.of("no value", nullValue),
                Arguments.of("more than 100 attributes", many),
                Arguments.of("ordering key over 1024 bytes", Map.of("messageGroupId", "k".repeat(1025))));
    }

    @Test
    void destinationThatIsNotATopicPathIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> publisher.publish("legacy", "hello", Map.of()))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("PORTABLEFN_DESTINATION_LEGACY")
                .hasMessageContaining("projects/PROJECT/topics/TOPIC");
        assertThatThrownBy(() -> publisher.publish("payments", "hello", Map.of()))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("PORTABLEFN_DESTINATION_PAYMENTS");
        assertThat(pubsub.service.requests()).isEmpty();
    }

    @Test
    void emptyMessageIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> publisher.publish("orders", "", Map.of())).isInstanceOf(PermanentFailure.class);
        assertThat(pubsub.service.requests()).isEmpty();
    }

    @Test
    void oneClientServesEveryPublishToATopic() {
        publisher.publish("orders", "one", Map.of());
        publisher.publish("orders", "two", Map.of("messageGroupId", "g"));

        assertThat(publisher).hasToString("PubSubPublisher[" + TOPIC + "]");
        assertThat(pubsub.service.requests()).hasSize(2);
    }
}
