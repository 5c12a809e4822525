package dev.portablefn.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A permanent failure with a dead-letter destination is published there and acknowledged; without one, or when the
 * publish fails, it is handed back to Lambda (the invocation fails, or the record is reported).
 */
class LambdaHandlerDeadLetterTest {

    private static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:orders";

    /** Rejects permanently every message mentioning "reject", fails retryably those mentioning "later". */
    static final class Picky implements EventFunction<String> {
        @Override
        public void handle(Event<String> event, Context context) {
            if (event.data().contains("reject")) {
                throw new PermanentFailure("rejected " + event.id());
            }
            if (event.data().contains("later")) {
                throw new RetryableException("not now");
            }
        }
    }

    /** Keeps what it is asked to publish; fails when told to. */
    static final class RecordingPublisher implements Publisher {
        final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        final List<String> destinations = Collections.synchronizedList(new ArrayList<>());
        final boolean failing;

        RecordingPublisher(boolean failing) {
            this.failing = failing;
        }

        @Override
        public String publish(String destination, String body, Map<String, String> attributes) {
            if (failing) {
                throw new RetryableException("dead-letter topic unavailable");
            }
            destinations.add(destination);
            bodies.add(body);
            return "letter-" + bodies.size();
        }
    }

    private static LambdaHandler handler(RecordingPublisher publisher) {
        return new LambdaHandler(PortableFunction.event(String.class, new Picky()).withDeadLetter("orders-failed", publisher));
    }

    private static byte[] invoke(LambdaHandler handler, byte[] payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(payload), out, FakeLambdaContext.of("req-1", "orders", 30_000));
        return out.toByteArray();
    }

    private static JsonNode json(String text) throws IOException {
        return JacksonCodec.standard().mapper().readTree(text);
    }

    private static List<String> failedIds(byte[] response) throws IOException {
        List<String> ids = new ArrayList<>();
        json(new String(response, StandardCharsets.UTF_8)).get("batchItemFailures")
                .forEach(failure -> ids.add(failure.get("itemIdentifier").textValue()));
        return ids;
    }

    private static byte[] sns(String message) {
        return Fixtures.text("sns-event.json").replace("Hello from SNS!", message).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void permanentFailureWithADeadLetterDestinationIsPublishedThereAndAcknowledged() throws IOException {
        RecordingPublisher publisher = new RecordingPublisher(false);

        byte[] response = invoke(handler(publisher), sns("reject me"));

        assertThat(response).isEmpty();
        assertThat(publisher.destinations).containsExactly("orders-failed");
        JsonNode letter = json(publisher.bodies.get(0));
        assertThat(letter.get("reason").asText()).isEqualTo("rejected 95df01b4-ee98-5cb9-9903-4c221d41eb5e");
        assertThat(letter.get("provider").asText()).isEqualTo("AWS");
        assertThat(letter.get("function").asText()).isEqualTo("orders");
        assertThat(letter.get("event").get("trigger").asText()).isEqualTo("TOPIC");
        assertThat(letter.get("event").get("data").asText()).isEqualTo("reject me");
    }

    @Test
    void aFailedDeadLetterPublishHandsTheEventBackToThePlatform() {
        assertThatThrownBy(() -> invoke(handler(new RecordingPublisher(true)), sns("reject me")))
                .isInstanceOf(InvocationFailedException.class).hasCauseInstanceOf(PermanentFailure.class);
    }

    @Test
    void aRetryableFailureIsNeverDeadLetteredButRetriedByLambda() {
        RecordingPublisher publisher = new RecordingPublisher(false);
        assertThatThrownBy(() -> invoke(handler(publisher), sns("later please")))
                .isInstanceOf(InvocationFailedException.class).hasCauseInstanceOf(RetryableException.class);
        assertThat(publisher.bodies).isEmpty();
    }

    @Test
    void permanentlyFailedSqsRecordsArePublishedAndLeftOutOfBatchItemFailures() throws IOException {
        RecordingPublisher publisher = new RecordingPublisher(false);
        String[] bodies = {"ok", "reject", "later", "ok"};
        byte[] batch = Fixtures.records(4, i -> Fixtures.sqsRecord("m" + i, bodies[i], QUEUE, null));

        assertThat(failedIds(invoke(handler(publisher), batch))).containsExactly("m2");
        assertThat(publisher.bodies).singleElement().satisfies(body ->
                assertThat(json(body).get("event").get("id").asText()).isEqualTo("m1"));
    }

    @Test
    void withoutADeadLetterDestinationPermanentlyFailedSqsRecordsStayReportedForTheQueuesDlq() throws IOException {
        String[] bodies = {"ok", "reject", "later", "ok"};
        byte[] batch = Fixtures.records(4, i -> Fixtures.sqsRecord("m" + i, bodies[i], QUEUE, null));

        assertThat(failedIds(invoke(new LambdaHandler(PortableFunction.event(String.class, new Picky())), batch)))
                .containsExactly("m1", "m2");
    }

    @Test
    void deadLetteredFifoRecordLetsTheRecordsAfterItComeBackUnprocessed() throws IOException {
        RecordingPublisher publisher = new RecordingPublisher(false);
        String[] bodies = {"ok", "reject", "ok", "ok"};
        byte[] batch = Fixtures.records(4, i -> Fixtures.sqsRecord("m" + i, bodies[i], QUEUE + ".fifo", "g1"));

        assertThat(failedIds(invoke(handler(publisher), batch))).containsExactly("m2", "m3");
        assertThat(publisher.bodies).hasSize(1);
    }

    @Test
    void undecodableSqsRecordIsPublishedRawWithADeadLetterDestination() throws IOException {
        RecordingPublisher publisher = new RecordingPublisher(false);
        byte[] batch = Fixtures.records(2, i -> i == 0 ? Fixtures.sqsRecord("m0", "ok", QUEUE, null)
                : "{\"messageId\":\"m1\",\"eventSource\":\"aws:sqs\",\"eventSourceARN\":\"" + QUEUE + "\"}");

        assertThat(failedIds(invoke(handler(publisher), batch))).isEmpty();
        JsonNode letter = json(publisher.bodies.get(0));
        assertThat(letter.get("failure").asText()).isEqualTo("dev.portablefn.api.EventDecodingException");
        assertThat(letter.get("event").get("type").asText()).isEqualTo("dev.portablefn.undecodable");
        assertThat(json(letter.get("event").get("data").asText()).get("messageId").asText()).isEqualTo("m1");
        assertThat(publisher.destinations).containsExactly("orders-failed");
    }
}
