package dev.portablefn.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.batch.BatchResult;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.doubles.gcp.FakeBackgroundContext;
import dev.portablefn.doubles.gcp.FakeCloudEvent;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The CloudEvents and background entries decode, run and report failures the Functions Framework's way. */
class GcpEventEntryTest {

    record Order(String id, int quantity) {
    }

    private static FakeCloudEvent pubsub(String id, String json, Map<String, Object> extensions) {
        String base64 = java.util.Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        String data = "{\"message\":{\"data\":\"" + base64 + "\",\"attributes\":{\"origin\":\"web\"}},"
                + "\"subscription\":\"projects/p/subscriptions/s\"}";
        return FakeCloudEvent.builder().id(id).source("//pubsub.googleapis.com/projects/p/topics/orders")
                .type("google.cloud.pubsub.topic.v1.messagePublished").time(OffsetDateTime.parse("2024-01-02T03:04:05Z"))
                .dataContentType("application/json").extensions(extensions).data(data.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    @Test
    void binaryModePubsubEventIsBoundToTheFunctionsType() throws Exception {
        AtomicReference<Event<Order>> seen = new AtomicReference<>();
        AtomicReference<Context> seenContext = new AtomicReference<>();
        FakeCloudEvent event = pubsub("m-1", "{\"id\":\"o-1\",\"quantity\":3}",
                Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

        new GcpCloudEventFunction(PortableFunction.event(Order.class, (e, c) -> {
            seen.set(e);
            seenContext.set(c);
        })).accept(event);

        assertThat(seen.get().data()).isEqualTo(new Order("o-1", 3));
        assertThat(seen.get().trigger()).isEqualTo(Trigger.TOPIC);
        assertThat(seen.get().attributes()).containsEntry("origin", "web")
                .containsEntry("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(seen.get().time()).contains(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(seen.get().unwrap(CloudEvent.class)).isSameAs(event);
        assertThat(seenContext.get().requestId()).isEqualTo("m-1");
        assertThat(seenContext.get().traceId()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void traceparentMessageAttributeContinuesThePublishersTrace() throws Exception {
        // What a Publisher puts on a Pub/Sub message arrives among the message's attributes, not as an extension.
        String base64 = java.util.Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8));
        String data = "{\"message\":{\"data\":\"" + base64 + "\",\"attributes\":{\"traceparent\":"
                + "\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\"}},\"subscription\":\"projects/p/subscriptions/s\"}";
        FakeCloudEvent event = FakeCloudEvent.builder().id("m-t").source("//pubsub.googleapis.com/projects/p/topics/orders")
                .type("google.cloud.pubsub.topic.v1.messagePublished").dataContentType("application/json")
                .data(data.getBytes(StandardCharsets.UTF_8)).build();
        AtomicReference<Context> seenContext = new AtomicReference<>();

        new GcpCloudEventFunction(PortableFunction.event(String.class, (e, c) -> seenContext.set(c))).accept(event);

        assertThat(seenContext.get().traceId()).contains("0af7651916cd43dd8448eb211c80319c");
    }

    @Test
    void retryableFailureThrowsSoTheFrameworkAnswers500() {
        GcpCloudEventFunction entry = new GcpCloudEventFunction(PortableFunction.event(Order.class, (e, c) -> {
            throw new RetryableException("inventory service timed out");
        }));

        assertThatThrownBy(() -> entry.accept(pubsub("m-2", "{\"id\":\"o\",\"quantity\":1}", Map.of())))
                .isInstanceOf(RetryableException.class)
                .hasMessageContaining("m-2")
                .hasRootCauseMessage("inventory service timed out");
    }

    @Test
    void unexpectedExceptionIsRetriedToo() {
        GcpCloudEventFunction entry = new GcpCloudEventFunction(PortableFunction.event(Order.class, (e, c) -> {
            throw new IllegalStateException("bug");
        }));

        assertThatThrownBy(() -> entry.accept(pubsub("m-3", "{\"id\":\"o\",\"quantity\":1}", Map.of())))
                .isInstanceOf(RetryableException.class).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void permanentFailureOfAnEventThrowsSoTheFrameworkAnswers500AndPubSubDeadLetters() {
        AtomicInteger calls = new AtomicInteger();
        GcpCloudEventFunction rejecting = new GcpCloudEventFunction(PortableFunction.event(Order.class, (e, c) -> {
            calls.incrementAndGet();
            throw new PermanentFailure("order is for a closed account");
        }));
        GcpCloudEventFunction counting = new GcpCloudEventFunction(PortableFunction.event(Order.class,
                (e, c) -> calls.incrementAndGet()));

        assertThatThrownBy(() -> rejecting.accept(pubsub("m-4", "{\"id\":\"o\",\"quantity\":1}", Map.of())))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("m-4")
                .hasMessageContaining("dead-letter topic").hasRootCauseMessage("order is for a closed account");
        assertThatThrownBy(() -> counting.accept(pubsub("m-5", "not json", Map.of()))).as("unbindable data")
                .isInstanceOf(PermanentFailure.class);
        assertThatThrownBy(() -> counting.accept(undecodable("m-6"))).as("missing message")
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("m-6");
        assertThat(calls).hasValue(1);
    }

    private static FakeCloudEvent undecodable(String id) {
        return FakeCloudEvent.builder().id(id).source("//pubsub.googleapis.com/x")
                .type("google.cloud.pubsub.topic.v1.messagePublished").dataContentType("application/json")
                .data("{\"subscription\":\"s\"}".getBytes(StandardCharsets.UTF_8)).build();
    }

    /** Keeps what it is asked to publish, or fails. */
    static final class Letters implements Publisher {
        final List<String> bodies = new java.util.ArrayList<>();
        final boolean failing;

        Letters(boolean failing) {
            this.failing = failing;
        }

        @Override
        public String publish(String destination, String body, Map<String, String> attributes) {
            if (failing) {
                throw new RetryableException("dead-letter topic unavailable");
            }
            bodies.add(destination + " " + body);
            return "letter-" + bodies.size();
        }
    }

    @Test
    void permanentFailureWithADeadLetterDestinationIsPublishedThereAndAcknowledged() throws Exception {
        Letters letters = new Letters(false);
        GcpCloudEventFunction rejecting = new GcpCloudEventFunction(PortableFunction.event(Order.class,
                (EventFunction<Order>) (e, c) -> {
                    throw new PermanentFailure("order is for a closed account");
                }).withDeadLetter("orders-failed", letters));

        assertThatCode(() -> rejecting.accept(pubsub("m-7", "{\"id\":\"o\",\"quantity\":1}", Map.of())))
                .doesNotThrowAnyException();
        assertThatCode(() -> rejecting.accept(undecodable("m-8"))).doesNotThrowAnyException();

        assertThat(letters.bodies).hasSize(2);
        assertThat(letters.bodies.get(0)).startsWith("orders-failed {").contains("\"provider\":\"GCP\"")
                .contains("\"reason\":\"order is for a closed account\"").contains("\"id\":\"m-7\"");
        assertThat(letters.bodies.get(1)).contains("\"id\":\"m-8\"").contains("dev.portablefn.undecodable");
    }

    @Test
    void aFailedDeadLetterPublishHandsTheEventBackToThePlatform() {
        GcpCloudEventFunction rejecting = new GcpCloudEventFunction(PortableFunction.event(Order.class,
                (EventFunction<Order>) (e, c) -> {
                    throw new PermanentFailure("order is for a closed account");
                }).withDeadLetter("orders-failed", new Letters(true)));

        assertThatThrownBy(() -> rejecting.accept(pubsub("m-9", "{\"id\":\"o\",\"quantity\":1}", Map.of())))
                .isInstanceOf(PermanentFailure.class);
    }

    @Test
    void batchFunctionSeesEachCloudEventAsABatchOfOneAndItsFailureIsRetried() throws Exception {
        AtomicReference<List<Event<String>>> seen = new AtomicReference<>();
        GcpCloudEventFunction entry = new GcpCloudEventFunction(PortableFunction.batch(String.class, (events, c) -> {
            seen.set(events);
            return events.get(0).data().contains("fail")
                    ? new BatchResult(List.of(new BatchResult.RecordFailure(0, events.get(0).id(),
                            BatchResult.Reason.RETRYABLE, null)))
                    : BatchResult.success();
        }));

        entry.accept(pubsub("b-1", "hello", Map.of()));
        assertThat(seen.get()).singleElement().satisfies(e -> assertThat(e.data()).isEqualTo("hello"));
        assertThatThrownBy(() -> entry.accept(pubsub("b-2", "fail", Map.of()))).isInstanceOf(RetryableException.class);
    }

    @Test
    void backgroundEntryDecodesLegacyStorageEvent() throws Exception {
        AtomicReference<Event<StorageObject>> seen = new AtomicReference<>();
        GcpBackgroundFunction entry = new GcpBackgroundFunction(PortableFunction.event(StorageObject.class,
                (EventFunction<StorageObject>) (e, c) -> seen.set(e)));
        FakeBackgroundContext context = new FakeBackgroundContext("1147091835525187", "2020-04-23T07:38:57.772Z",
                "google.storage.object.finalize", "{\"service\":\"storage.googleapis.com\",\"name\":"
                + "\"projects/_/buckets/some-bucket/objects/folder/Test.cs\",\"type\":\"storage#object\"}");

        entry.accept(TestEvents.fixture("storage-StorageObjectData-simple.json").toString(), context);

        assertThat(seen.get().source()).isEqualTo("//storage.googleapis.com/projects/_/buckets/some-bucket");
        assertThat(seen.get().subject()).contains("objects/folder/Test.cs");
        assertThat(seen.get().type()).isEqualTo("google.cloud.storage.object.v1.finalized");
        assertThat(seen.get().data().key()).isEqualTo("folder/Test.cs");
        assertThat(seen.get().data().size()).isEqualTo(352L);
        assertThat(seen.get().unwrap(com.google.cloud.functions.Context.class)).isSameAs(context);
    }

    @Test
    void backgroundEntryThrowsForRetryableFailuresAndBadEventsSoThePlatformRetries() {
        GcpBackgroundFunction entry = new GcpBackgroundFunction(PortableFunction.event(String.class, (e, c) -> {
            throw new RetryableException("later");
        }));
        FakeBackgroundContext context = new FakeBackgroundContext("9", "2021-02-05T04:06:14.109Z",
                "google.pubsub.topic.publish", "\"projects/p/topics/t\"");

        assertThatThrownBy(() -> entry.accept("{\"data\":\"aGk=\"}", context)).isInstanceOf(RetryableException.class);
        assertThatThrownBy(() -> entry.accept("{\"data\":\"%%%\"}", context)).isInstanceOf(PermanentFailure.class);
        assertThatThrownBy(() -> entry.accept("not json", context)).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("event 9");
    }

    @Test
    void backgroundEventThatCannotBeReadIsDeadLetteredRawWithADestination() throws Exception {
        Letters letters = new Letters(false);
        GcpBackgroundFunction entry = new GcpBackgroundFunction(PortableFunction.event(String.class,
                (EventFunction<String>) (e, c) -> { }).withDeadLetter("failed", letters));
        FakeBackgroundContext context = new FakeBackgroundContext("10", "2021-02-05T04:06:14.109Z",
                "google.pubsub.topic.publish", "\"projects/p/topics/t\"");

        entry.accept("not json", context);

        assertThat(letters.bodies).singleElement().satisfies(body -> assertThat(body)
                .contains("\"id\":\"10\"").contains("\"data\":\"not json\""));
    }
}
