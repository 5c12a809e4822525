package dev.portablefn.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.batch.BatchResult.Reason;
import dev.portablefn.api.batch.BatchResult.RecordFailure;
import dev.portablefn.api.batch.BatchResult;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
    private static final EventFunction<String> NOTHING = (event, context) -> { };

    /** What a publisher was asked to send. */
    record Sent(String destination, String body, Map<String, String> attributes) {
    }

    static final class RecordingPublisher implements Publisher {
        final List<Sent> sent = new ArrayList<>();

        @Override
        public String publish(String destination, String body, Map<String, String> attributes) {
            sent.add(new Sent(destination, body, attributes));
            return "dead-" + sent.size();
        }
    }

    private static Context context() {
        return Context.builder().provider(Provider.AWS).requestId("req-1").functionName("orders")
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    private static Event<byte[]> message(String id, String body, int attempt) {
        return Event.<byte[]>builder().id(id).source("arn:aws:sqs:us-east-1:1:orders").type("aws:sqs")
                .trigger(Trigger.QUEUE).data(body.getBytes(StandardCharsets.UTF_8)).attribute("tenant", "t-1")
                .deliveryAttempt(attempt).build();
    }

    private static JsonNode json(String body) throws IOException {
        return JacksonCodec.standard().mapper().readTree(body);
    }

    @Test
    void withoutADestinationAPermanentFailureGoesBackToThePlatform() {
        DeadLetters deadLetters = DeadLetters.of(PortableFunction.event(String.class, NOTHING), name -> null);

        assertThat(deadLetters.isConfigured()).isFalse();
        assertThat(deadLetters.publish(message("m-1", "x", 1), new PermanentFailure("bad"), context())).isFalse();
    }

    @Test
    void permanentFailureWithADeadLetterDestinationIsPublishedWithItsReasonProviderFunctionAttemptAndEvent()
            throws IOException {
        RecordingPublisher publisher = new RecordingPublisher();
        DeadLetters deadLetters = DeadLetters.of(PortableFunction.event(String.class, NOTHING)
                .withDeadLetter("orders-failed", publisher), name -> null);

        boolean published = deadLetters.publish(message("m-1", "{\"order\":\"o-1\"}", 2),
                new PermanentFailure("order o-1 has no lines"), context());

        assertThat(published).isTrue();
        Sent sent = publisher.sent.get(0);
        assertThat(sent.destination()).isEqualTo("orders-failed");
        assertThat(sent.attributes()).containsEntry(DeadLetters.FUNCTION_ATTRIBUTE, "orders")
                .containsEntry(DeadLetters.EVENT_ID_ATTRIBUTE, "m-1");
        JsonNode letter = json(sent.body());
        assertThat(letter.get("reason").asText()).isEqualTo("order o-1 has no lines");
        assertThat(letter.get("failure").asText()).isEqualTo(PermanentFailure.class.getName());
        assertThat(letter.get("provider").asText()).isEqualTo("AWS");
        assertThat(letter.get("function").asText()).isEqualTo("orders");
        assertThat(letter.get("attempt").asInt()).isEqualTo(2);
        assertThat(letter.get("deadLetteredAt").asText()).isEqualTo("2024-01-01T00:00:00Z");
        JsonNode event = letter.get("event");
        assertThat(event.get("id").asText()).isEqualTo("m-1");
        assertThat(event.get("trigger").asText()).isEqualTo("QUEUE");
        assertThat(event.get("data").asText()).isEqualTo("{\"order\":\"o-1\"}");
        assertThat(event.get("attributes").get("tenant").asText()).isEqualTo("t-1");
    }

    @Test
    void binaryDataIsWrittenAsBase64AndStructuredDataAsJson() throws IOException {
        RecordingPublisher publisher = new RecordingPublisher();
        DeadLetters deadLetters = DeadLetters.of(PortableFunction.event(String.class, NOTHING)
                .withDeadLetter("failed", publisher), name -> null);
        Event<byte[]> binary = Event.<byte[]>builder().id("b").source("s").type("t").trigger(Trigger.STREAM)
                .data(new byte[] {(byte) 0xff, 0}).build();
        Event<StorageObject> stored = Event.<StorageObject>builder().id("o").source("s").type("t").trigger(Trigger.STORAGE)
                .data(new StorageObject("bucket", "a.txt", 3L, null, null, StorageObject.Change.CREATED, null, Map.of()))
                .build();

        deadLetters.publish(binary, new PermanentFailure("x"), context());
        deadLetters.publish(stored, new PermanentFailure("x"), context());

        assertThat(json(publisher.sent.get(0).body()).get("event").get("dataBase64").asText()).isEqualTo("/wA=");
        assertThat(json(publisher.sent.get(1).body()).get("event").get("data").get("key").asText()).isEqualTo("a.txt");
        assertThat(json(publisher.sent.get(1).body()).get("attempt").isNull()).isTrue();
    }

    @Test
    void aFailedDeadLetterPublishHandsTheEventBackToThePlatform() {
        DeadLetters deadLetters = DeadLetters.of(PortableFunction.event(String.class, NOTHING).withDeadLetter("failed",
                (destination, body, attributes) -> {
                    throw new RetryableException("topic unavailable");
                }), name -> null);

        assertThat(deadLetters.publish(message("m-1", "x", 1), new PermanentFailure("bad"), context())).isFalse();
    }

    @Test
    void theDestinationComesFromTheSettingWhenTheFunctionSetsNone() {
        DeadLetters fromSetting = DeadLetters.of(PortableFunction.event(String.class, NOTHING),
                name -> name.equals(DeadLetters.SETTING) ? " orders-failed " : null);
        DeadLetters fromFunction = DeadLetters.of(PortableFunction.event(String.class, NOTHING).withDeadLetter("own"),
                name -> "orders-failed");

        assertThat(fromSetting.destination()).hasValue("orders-failed");
        assertThat(fromFunction.destination()).hasValue("own");
        assertThatIllegalArgumentException().isThrownBy(() -> PortableFunction.event(String.class, NOTHING)
                .withDeadLetter(" "));
    }

    @Test
    void settlingABatchPublishesOnlyThePermanentFailuresAndKeepsTheRestReported() {
        RecordingPublisher publisher = new RecordingPublisher();
        DeadLetters deadLetters = DeadLetters.of(PortableFunction.event(String.class, NOTHING)
                .withDeadLetter("failed", publisher), name -> null);
        List<Event<byte[]>> batch = List.of(message("m-1", "a", 1), message("m-2", "b", 1), message("m-3", "c", 1));
        BatchResult result = new BatchResult(List.of(
                new RecordFailure(0, "m-1", Reason.RETRYABLE, new RetryableException("later")),
                new RecordFailure(1, "m-2", Reason.PERMANENT, new PermanentFailure("never")),
                new RecordFailure(2, "m-3", Reason.SKIPPED, null)));

        BatchResult settled = deadLetters.settle(result, batch::get, context());

        assertThat(settled.failedIds()).containsExactly("m-1", "m-3");
        assertThat(publisher.sent).extracting(sent -> sent.attributes().get(DeadLetters.EVENT_ID_ATTRIBUTE))
                .containsExactly("m-2");
    }
}
