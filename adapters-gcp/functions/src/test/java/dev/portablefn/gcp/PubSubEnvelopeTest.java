package dev.portablefn.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Pub/Sub envelope reads the same whether its data arrived as bytes (binary mode, streamed from them) or as a tree
 * (structured mode and legacy events, streamed from the tree's tokens): the same event, or the same error.
 */
class PubSubEnvelopeTest {

    private static final Instant EVENT_TIME = Instant.parse("2024-01-01T00:00:00Z");
    private final CloudEventDecoder decoder = new CloudEventDecoder(TestEvents.CODEC);

    private Event<?> fromBytes(String data, Instant time) {
        return decoder.decode(pubsub(null, data.getBytes(StandardCharsets.UTF_8), time));
    }

    private Event<?> fromTree(String data, Instant time) {
        return decoder.decode(pubsub(TestEvents.json(data), null, time));
    }

    private static GcpCloudEvent pubsub(JsonNode tree, byte[] bytes, Instant time) {
        return new GcpCloudEvent("m-1", "//pubsub.googleapis.com/projects/p/topics/t", CloudEventDecoder.PUBSUB_PUBLISHED,
                null, time, "application/json", Map.of("traceparent", "00-trace"), tree, bytes, null);
    }

    private void assertSameEventBothWays(String data, Instant time) {
        Event<?> streamed = fromBytes(data, time);
        Event<?> fromTree = fromTree(data, time);
        assertThat((byte[]) streamed.data()).isEqualTo((byte[]) fromTree.data());
        assertThat(streamed.attributes()).containsExactlyEntriesOf(fromTree.attributes());
        assertThat(streamed.time()).isEqualTo(fromTree.time());
        assertThat(streamed.deliveryAttempt()).isEqualTo(fromTree.deliveryAttempt());
    }

    private void assertSameErrorBothWays(String data, String expected) {
        String streamed = messageOf(() -> fromBytes(data, EVENT_TIME));
        assertThat(streamed).contains(expected);
        assertThat(messageOf(() -> fromTree(data, EVENT_TIME))).isEqualTo(streamed);
    }

    private static String messageOf(Runnable decoding) {
        try {
            decoding.run();
        } catch (EventDecodingException expected) {
            return expected.getMessage();
        }
        throw new AssertionError("decoded without an error");
    }

    @Test
    void fieldsOfTheEnvelopeBecomeTheEventsDataAttributesAttemptAndTime() {
        Event<?> event = fromBytes("{\"subscription\":\"projects/p/subscriptions/s\",\"deliveryAttempt\":3,\"message\":"
                + "{\"data\":\"aGk=\",\"messageId\":\"1\",\"attributes\":{\"a\":\"1\",\"b\":\"2\"},\"orderingKey\":\"k\","
                + "\"publishTime\":\"2021-02-05T04:06:14.109Z\",\"extra\":[{\"nested\":[1,2]}]}}", null);

        assertThat((byte[]) event.data()).asString(StandardCharsets.UTF_8).isEqualTo("hi");
        assertThat(event.attributes()).containsExactly(Map.entry("traceparent", "00-trace"), Map.entry("a", "1"),
                Map.entry("b", "2"), Map.entry(CloudEventDecoder.ORDERING_KEY, "k"));
        assertThat(event.deliveryAttempt()).hasValue(3);
        assertThat(event.time()).contains(Instant.parse("2021-02-05T04:06:14.109Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"message\":{\"data\":\"AQ==\"},\"message\":{\"data\":\"aGk=\",\"attributes\":{\"x\":\"1\"}}}",
        "{\"message\":{\"data\":\"AQ==\",\"data\":\"aGk=\",\"attributes\":{\"x\":1},\"attributes\":{\"x\":\"1\"}}}",
        "{\"message\":{\"attributes\":{\"x\":\"0\",\"y\":\"2\",\"x\":\"1\",\"z\":null,\"y\":null}}}",
        "{\"message\":{\"attributes\":{\"x\":{\"an\":\"object\"},\"x\":\"1\"}},\"deliveryAttempt\":1,\"deliveryAttempt\":\"2\"}",
        "{\"message\":{\"publish_time\":\"2021-02-05T04:06:14Z\",\"publishTime\":\"2022-03-04T05:06:07Z\"}}",
        "{\"message\":{\"publishTime\":\"2022-03-04T05:06:07Z\",\"publish_time\":\"2021-02-05T04:06:14Z\"}}",
        "{\"message\":{\"publish_time\":\"2021-02-05T04:06:14Z\"}}",
        "{\"message\":{}}",
        "{\"message\":{\"attributes\":null,\"data\":null}}"
    })
    void repeatedNamesKeepTheirLastValueAndNullsCountAsAbsent(String data) {
        assertSameEventBothWays(data, null);
        assertSameEventBothWays(data, EVENT_TIME);
    }

    @Test
    void aRepeatedAttributeKeepsItsFirstPositionAndANullRemovesIt() {
        Event<?> event = fromBytes("{\"message\":{\"attributes\":{\"x\":\"0\",\"y\":\"2\",\"x\":\"1\",\"z\":\"3\","
                + "\"y\":null}}}", EVENT_TIME);

        assertThat(event.attributes()).containsExactly(Map.entry("traceparent", "00-trace"), Map.entry("x", "1"),
                Map.entry("z", "3"));
    }

    @Test
    void publishTimeIsReadOnlyWhenTheEventHasNoTimeOfItsOwn() {
        String data = "{\"message\":{\"publishTime\":42}}";

        assertThat(fromBytes(data, EVENT_TIME).time()).contains(EVENT_TIME);
        String streamed = messageOf(() -> fromBytes(data, null));
        assertThat(streamed).isEqualTo(messageOf(() -> fromTree(data, null)))
                .contains("'publishTime' must be a string, got the number '42'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"subscription\":\"s\"}|'message' is missing",
        "{\"message\":null}|'message' is missing",
        "{\"message\":[1]}|'message' must be an object, got an array",
        "{\"message\":{\"data\":{\"a\":1}}}|'data' must be a string, got an object",
        "{\"message\":{\"data\":\"%%\"}}|'message.data' is not valid base64",
        "{\"message\":{\"attributes\":\"a=b\"}}|'attributes' must be an object, got the string 'a=b'",
        "{\"message\":{\"attributes\":{\"a\":\"1\",\"b\":true}}}|'attributes.b' must be a string, got the boolean true",
        "{\"message\":{\"orderingKey\":7}}|'orderingKey' must be a string, got a value (hidden",
        "{\"message\":{},\"deliveryAttempt\":\"two\"}|'deliveryAttempt' must be a whole number, got the string 'two'",
        "{\"message\":{},\"deliveryAttempt\":1.5}|'deliveryAttempt' must be a whole number, got the number '1.5'",
        "{\"message\":{},\"deliveryAttempt\":99999999999999999999}|'deliveryAttempt' must be a whole number",
        "{\"message\":{},\"deliveryAttempt\":4294967296}|'deliveryAttempt' is out of range: 4294967296",
        "{\"message\":{},\"deliveryAttempt\":0}|'deliveryAttempt' must be at least 1, got 0",
        "[{\"message\":{}}]|'data' must be an object, got an array",
        "\"text\"|'data' must be an object, got the string 'text'"
    })
    void anInvalidEnvelopeFailsWithTheSameMessageEitherWay(String data, String expected) {
        assertSameErrorBothWays(data, expected);
    }

    @Test
    void theMessagesFirstInvalidFieldIsNamedWhateverTheDocumentOrder() {
        assertSameErrorBothWays("{\"deliveryAttempt\":0,\"message\":{\"orderingKey\":7,\"data\":5}}",
                "'data' must be a string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"message\":{}} {\"message\":{}}", "{\"message\":{}}]", "{\"message\":{\"data\":",
        "  ", "{\"message\":{\"attributes\":{\"a\":}}}"})
    void bytesThatAreNotOneJsonValueAreNotValidJson(String data) {
        assertThatThrownBy(() -> fromBytes(data, EVENT_TIME)).isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("CloudEvent m-1 (" + CloudEventDecoder.PUBSUB_PUBLISHED + "): 'data' is not valid JSON: ");
    }

    @Test
    void emptyBytesAreMissingData() {
        assertThatThrownBy(() -> fromBytes("", EVENT_TIME)).isInstanceOf(EventDecodingException.class)
                .hasMessageEndingWith("'data' is missing");
    }
}
