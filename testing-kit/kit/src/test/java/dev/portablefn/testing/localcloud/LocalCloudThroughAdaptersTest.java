package dev.portablefn.testing.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.runtime.json.JacksonCodec;
import dev.portablefn.testing.TestClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On a cloud preset every delivery goes through the provider's adapter in its wire format, and what becomes of a
 * permanent failure is what the adapter answers plus what the platform does with that answer (the preset table in
 * the testing kit's README): without a dead-letter destination it is retried like any failure and then lands in the
 * preset's dead-letter queue; with one, it is published there after one attempt.
 */
class LocalCloudThroughAdaptersTest {

    private static final Instant T0 = TestClock.DEFAULT_START;

    /** Rejects every message permanently, noting when and which attempt it saw. */
    static final class Rejecting implements EventFunction<String> {
        final List<Instant> times = new ArrayList<>();
        final List<Integer> attempts = new ArrayList<>();

        @Override
        public void handle(Event<String> event, Context context) {
            times.add(context.clock().instant());
            attempts.add(event.deliveryAttempt().orElse(-1));
            throw new PermanentFailure("order " + event.data() + " has no lines");
        }
    }

    private static JsonNode json(Object data) throws IOException {
        return JacksonCodec.standard().mapper().readTree((byte[]) data);
    }

    @Test
    void awsSnsSubscriptionWithAPermanentFailureMakesThreeAttemptsThenGoesToTheOnFailureDestination() {
        Rejecting function = new Rejecting();
        LocalCloud cloud = LocalCloud.like(Provider.AWS).deploy("validate", function)
                .createTopic("orders").subscribe("orders", "validate");

        String id = cloud.publish("orders", "o-1");
        assertThat(cloud.runUntilIdle(Duration.ofHours(1))).isTrue();

        assertThat(cloud.attempts(id)).isEqualTo(3);
        assertThat(function.times).containsExactly(T0, T0.plus(Duration.ofMinutes(1)), T0.plus(Duration.ofMinutes(3)));
        assertThat(cloud.deliveries(id)).extracting(Delivery::result).containsOnly(Delivery.Result.FAILED);
        assertThat(cloud.deadLetters()).singleElement().satisfies(dead -> {
            assertThat(dead.source()).isEqualTo("orders.validate");
            assertThat(dead.deadLetterQueue()).isEqualTo("orders.validate-dlq");
            assertThat(dead.reason()).isEqualTo("failed 3 of 3 attempts; last: PermanentFailure: order o-1 has no lines");
        });
    }

    @Test
    void awsSqsConsumerRetriesAPermanentFailureUntilMaxReceiveCountThenTheDlq() {
        Rejecting function = new Rejecting();
        LocalCloud cloud = LocalCloud.like(Provider.AWS).deploy("validate", function)
                .createQueue("orders").subscribe("orders", "validate");

        String id = cloud.send("orders", "o-1");
        assertThat(cloud.runUntilIdle(Duration.ofHours(1))).isTrue();

        assertThat(cloud.attempts(id)).isEqualTo(3);
        assertThat(function.attempts).containsExactly(1, 2, 3);
        assertThat(function.times).containsExactly(T0, T0.plusSeconds(30), T0.plusSeconds(60));
        assertThat(cloud.deadLetters("orders")).singleElement().satisfies(dead ->
                assertThat(dead.deadLetterQueue()).isEqualTo("orders-dlq"));
        assertThat(cloud.messages("orders-dlq")).extracting(Event::id).containsExactly(id);
    }

    @Test
    void gcpPubSubSubscriberRetriesAPermanentFailureUntilMaxDeliveryAttemptsThenTheDeadLetterTopic() {
        Rejecting function = new Rejecting();
        LocalCloud cloud = LocalCloud.like(Provider.GCP).deploy("validate", function)
                .createTopic("orders").subscribe("orders", "validate");

        String id = cloud.publish("orders", "o-1");
        assertThat(cloud.runUntilIdle(Duration.ofHours(1))).isTrue();

        assertThat(cloud.attempts(id)).isEqualTo(5);
        assertThat(function.attempts).containsExactly(1, 2, 3, 4, 5);
        assertThat(function.times).containsExactly(T0, T0.plusSeconds(10), T0.plusSeconds(30), T0.plusSeconds(70),
                T0.plusSeconds(150));
        assertThat(cloud.deadLetters()).singleElement().satisfies(dead ->
                assertThat(dead.deadLetterQueue()).isEqualTo("orders.validate-dead-letter"));
    }

    @Test
    void azureQueueConsumerRetriesAPermanentFailureUntilMaxDequeueCountThenThePoisonQueue() {
        Rejecting function = new Rejecting();
        LocalCloud cloud = LocalCloud.like(Provider.AZURE).deploy("validate", function)
                .createQueue("orders").subscribe("orders", "validate");

        String id = cloud.send("orders", "o-1");
        assertThat(cloud.runUntilIdle(Duration.ofHours(1))).isTrue();

        assertThat(cloud.attempts(id)).isEqualTo(5);
        assertThat(function.attempts).containsExactly(1, 2, 3, 4, 5);
        assertThat(cloud.deadLetters("orders")).singleElement().satisfies(dead -> {
            assertThat(dead.deadLetterQueue()).isEqualTo("orders-poison");
            assertThat(dead.reason()).endsWith("PermanentFailure: order o-1 has no lines");
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Provider.class, names = {"AWS", "AZURE", "GCP"})
    void permanentFailureWithADeadLetterDestinationIsPublishedThereAfterOneAttempt(Provider provider) throws IOException {
        Rejecting function = new Rejecting();
        LocalCloud cloud = LocalCloud.like(provider)
                .deploy("validate", PortableFunction.event(String.class, function).withDeadLetter("rejected-orders"))
                .createQueue("orders").subscribe("orders", "validate").createQueue("rejected-orders");

        String id = cloud.send("orders", "o-1", Map.of("tenant", "t-1"));
        assertThat(cloud.runUntilIdle(Duration.ofHours(1))).isTrue();

        assertThat(cloud.attempts(id)).isEqualTo(1);
        assertThat(cloud.deliveries(id)).extracting(Delivery::result).containsExactly(Delivery.Result.SUCCEEDED);
        assertThat(cloud.deadLetters()).isEmpty();
        assertThat(cloud.messages("orders")).isEmpty();
        assertThat(cloud.messages("rejected-orders")).singleElement().satisfies(letter -> {
            JsonNode body = json(letter.data());
            assertThat(body.get("reason").asText()).isEqualTo("order o-1 has no lines");
            assertThat(body.get("provider").asText()).isEqualTo(provider.name());
            assertThat(body.get("attempt").asInt()).isEqualTo(1);
            assertThat(body.get("event").get("id").asText()).isEqualTo(id);
            assertThat(body.get("event").get("data").asText()).isEqualTo("o-1");
            assertThat(letter.attributes()).containsEntry("originalEventId", id);
        });
    }

    @Test
    void aDeadLetterDestinationThatDoesNotExistHandsThePermanentFailureBackToThePlatform() {
        LocalCloud cloud = LocalCloud.like(Provider.AWS)
                .deploy("validate", PortableFunction.event(String.class, new Rejecting()).withDeadLetter("nowhere"))
                .createQueue("orders").subscribe("orders", "validate");

        String id = cloud.send("orders", "o-1");
        cloud.runUntilIdle(Duration.ofHours(1));

        assertThat(cloud.attempts(id)).isEqualTo(3);
        assertThat(cloud.messages("orders-dlq")).extracting(Event::id).containsExactly(id);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Provider.class, names = {"AWS", "AZURE", "GCP"})
    void deliveriesOnACloudPresetArriveInTheProvidersWireFormatWithLocalCloudsContext(Provider provider) {
        List<Event<String>> seen = new ArrayList<>();
        List<Context> contexts = new ArrayList<>();
        LocalCloud cloud = LocalCloud.like(provider)
                .deploy("record", PortableFunction.event(String.class, (EventFunction<String>) (event, context) -> {
                    seen.add(event);
                    contexts.add(context);
                }))
                .createQueue("orders").subscribe("orders", "record");

        String id = cloud.send("orders", "o-1");
        cloud.awaitQuiescence();

        assertThat(seen).singleElement().satisfies(event -> {
            assertThat(event.id()).isEqualTo(id);
            assertThat(event.data()).isEqualTo("o-1");
            assertThat(event.type()).isNotEqualTo("dev.portablefn.local.queue.message");
        });
        assertThat(contexts).singleElement().satisfies(context -> {
            assertThat(context.provider()).isEqualTo(provider);
            assertThat(context.functionName()).isEqualTo("record");
            assertThat(context.unwrap(LocalCloud.class)).isSameAs(cloud);
            assertThat(context.clock().instant()).isEqualTo(T0);
        });
    }

    @Test
    void azureBlobEventsArriveThroughEventGridWithTheirContentType() {
        List<StorageObject> changes = new ArrayList<>();
        LocalCloud cloud = LocalCloud.like(Provider.AZURE)
                .deploy("thumbnails", PortableFunction.event(StorageObject.class,
                        (EventFunction<StorageObject>) (event, context) -> changes.add(event.data())))
                .createBucket("uploads").subscribe("uploads", "thumbnails");

        cloud.blobStore().put("uploads", "cats/tom.png", new byte[] {1, 2, 3}, "image/png");
        cloud.awaitQuiescence();

        assertThat(changes).singleElement().satisfies(object -> {
            assertThat(object.contentType()).isEqualTo("image/png");
            assertThat(object.size()).isEqualTo(3L);
        });
        assertThat(cloud.invocations("thumbnails").get(0).outcome()).isEqualTo(InvocationRecord.Outcome.SUCCEEDED);
    }

    @Test
    void azureEventHubsBatchKeepsTheFailedRecordInTheFailuresHubAndRedeliversTheRecordsAfterIt() {
        List<String> seen = new ArrayList<>();
        LocalCloud cloud = LocalCloud.like(Provider.AZURE)
                .deploy("clicks", PortableFunction.event(String.class, (EventFunction<String>) (event, context) -> {
                    seen.add(event.data());
                    if (event.data().equals("c2")) {
                        throw new IllegalStateException("cannot count c2");
                    }
                }))
                .createStream("clickstream").subscribe("clickstream", "clicks");
        cloud.putRecord("clickstream", "user-1", "c1");
        String second = cloud.putRecord("clickstream", "user-1", "c2");
        String third = cloud.putRecord("clickstream", "user-1", "c3");

        assertThat(cloud.runUntilIdle(Duration.ofHours(1))).isTrue();

        assertThat(seen).containsExactly("c1", "c2", "c3");
        assertThat(cloud.deliveries(third)).extracting(Delivery::result)
                .containsExactly(Delivery.Result.SKIPPED, Delivery.Result.SUCCEEDED);
        assertThat(cloud.deadLetters("clickstream")).singleElement().satisfies(dead -> {
            assertThat(dead.messageId()).isEqualTo(second);
            assertThat(dead.deadLetterQueue()).isEqualTo("clickstream-failures");
            assertThat(dead.reason()).endsWith("IllegalStateException: cannot count c2");
        });
    }
}
