package dev.portablefn.gcp;

import static dev.portablefn.gcp.TestEvents.bytes;
import static dev.portablefn.gcp.TestEvents.cloudEvent;
import static dev.portablefn.gcp.TestEvents.fixture;
import static dev.portablefn.gcp.TestEvents.json;
import static dev.portablefn.gcp.TestEvents.legacyEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.Trigger;
import dev.portablefn.doubles.gcp.FakeBackgroundContext;
import dev.portablefn.doubles.gcp.FakeCloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A gen1 legacy event and the gen2 CloudEvent for the same occurrence decode to equal portable events, on
 * every path: the CLI decoder, the raw background entry and the CloudEvents SDK object of a binary-mode event.
 */
class LegacyCloudEventEquivalenceTest {

    private final GcpDecoder decoder = new GcpDecoder();
    private final CloudEventDecoder events = new CloudEventDecoder(TestEvents.CODEC);

    record Pair(String name, JsonNode legacy, JsonNode cloudEvent, Trigger trigger) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> pairs() {
        JsonNode pubsubResource = json("{\"service\":\"pubsub.googleapis.com\",\"name\":\"projects/sample-project/topics/"
                + "gcf-test\",\"type\":\"type.googleapis.com/google.pubsub.v1.PubsubMessage\"}");
        JsonNode textMessage = json("{\"@type\":\"type.googleapis.com/google.pubsub.v1.PubsubMessage\","
                + "\"attributes\":{\"attribute1\":\"value1\"},\"data\":\"VGhpcyBpcyBhIHNhbXBsZSBtZXNzYWdl\"}");
        ObjectNode textCloudEventData = json("{\"subscription\":\"projects/sample-project/subscriptions/gcf-test-sub\"}")
                .deepCopy();
        ObjectNode wrapped = ((ObjectNode) textMessage.deepCopy()).put("messageId", "1215011316659232")
                .put("publishTime", "2020-05-18T12:13:19.209Z");
        textCloudEventData.set("message", wrapped);

        // gen1 "beta" shape: context fields at the top level, resource as a plain name.
        ObjectNode binaryLegacy = json("{\"eventId\":\"9000\",\"timestamp\":\"2021-02-05T04:06:14.109Z\",\"eventType\":"
                + "\"providers/cloud.pubsub/eventTypes/topic.publish\",\"resource\":\"projects/sample-project/topics/bin\","
                + "\"data\":{\"data\":\"AP8BAn8=\"}}").deepCopy();
        JsonNode binaryCloudEventData = json("{\"message\":{\"data\":\"AP8BAn8=\",\"messageId\":\"9000\","
                + "\"publishTime\":\"2021-02-05T04:06:14.109Z\"}}");

        JsonNode storageResource = json("{\"service\":\"storage.googleapis.com\",\"name\":\"projects/_/buckets/some-bucket/"
                + "objects/folder/Test.cs#1587627537231057\",\"type\":\"storage#object\"}");

        return Stream.of(
                Arguments.of(new Pair("pubsub text", legacyEvent("1215011316659232", "2020-05-18T12:13:19.209Z",
                        "google.pubsub.topic.publish", pubsubResource, textMessage),
                        cloudEvent("1215011316659232", "//pubsub.googleapis.com/projects/sample-project/topics/gcf-test",
                                "google.cloud.pubsub.topic.v1.messagePublished", null, "2020-05-18T12:13:19.209Z",
                                textCloudEventData), Trigger.TOPIC)),
                Arguments.of(new Pair("pubsub binary", binaryLegacy,
                        cloudEvent("9000", "//pubsub.googleapis.com/projects/sample-project/topics/bin",
                                "google.cloud.pubsub.topic.v1.messagePublished", null, "2021-02-05T04:06:14.109Z",
                                binaryCloudEventData), Trigger.TOPIC)),
                Arguments.of(new Pair("storage", legacyEvent("1147091835525187", "2020-04-23T07:38:57.772Z",
                        "google.storage.object.finalize", storageResource, fixture("storage-StorageObjectData-simple.json")),
                        cloudEvent("1147091835525187", "//storage.googleapis.com/projects/_/buckets/some-bucket",
                                "google.cloud.storage.object.v1.finalized", "objects/folder/Test.cs",
                                "2020-04-23T07:38:57.772Z", fixture("storage-StorageObjectData-simple.json")),
                        Trigger.STORAGE)),
                Arguments.of(new Pair("firestore", legacyEvent("7b8f1804-d38b-4b68-b37d-e2fb5d12d5a0-0",
                        "2020-09-24T10:47:35.000Z", "providers/cloud.firestore/eventTypes/document.write",
                        TextNode.valueOf("projects/project-id/databases/(default)/documents/gcf-test/2Vm2mI1d0wIaK2Waj5to"),
                        fixture("firestore-DocumentEventData-simple.json")),
                        cloudEvent("7b8f1804-d38b-4b68-b37d-e2fb5d12d5a0-0",
                                "//firestore.googleapis.com/projects/project-id/databases/(default)",
                                "google.cloud.firestore.document.v1.written", "documents/gcf-test/2Vm2mI1d0wIaK2Waj5to",
                                "2020-09-24T10:47:35.000Z", fixture("firestore-DocumentEventData-simple.json")),
                        Trigger.DATABASE)));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void legacyEventAndCloudEventDecodeToEqualPortableEvents(Pair pair) {
        Event<?> fromLegacy = decoder.decodeEvent(bytes(pair.legacy()));
        Event<?> fromCloudEvent = decoder.decodeEvent(bytes(pair.cloudEvent()));

        assertThat(fromLegacy.trigger()).isEqualTo(pair.trigger());
        assertThat(fromLegacy.id()).isEqualTo(fromCloudEvent.id());
        assertThat(fromLegacy.source()).isEqualTo(fromCloudEvent.source());
        assertThat(fromLegacy.type()).isEqualTo(fromCloudEvent.type());
        assertThat(fromLegacy.subject()).isEqualTo(fromCloudEvent.subject());
        assertThat(fromLegacy.time()).isEqualTo(fromCloudEvent.time()).isPresent();
        assertThat(fromLegacy.attributes()).isEqualTo(fromCloudEvent.attributes());
        assertThat(fromLegacy).isEqualTo(fromCloudEvent);
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void rawBackgroundEntrySeesTheSameEventAsTheCloudEventsEntry(Pair pair) {
        JsonNode legacy = pair.legacy();
        JsonNode context = legacy.has("context") ? legacy.get("context") : legacy;
        // The framework passes the resource as JSON text: an object or a quoted string.
        FakeBackgroundContext framework = new FakeBackgroundContext(context.get("eventId").asText(),
                context.get("timestamp").asText(), context.get("eventType").asText(), context.get("resource").toString());
        Event<?> fromBackground = events.decode(GcpBackgroundFunction.fromLegacy(legacy.get("data").toString(),
                framework, TestEvents.CODEC));

        JsonNode cloudEvent = pair.cloudEvent();
        FakeCloudEvent binaryMode = FakeCloudEvent.builder().id(cloudEvent.get("id").asText())
                .source(cloudEvent.get("source").asText()).type(cloudEvent.get("type").asText())
                .subject(cloudEvent.has("subject") ? cloudEvent.get("subject").asText() : null)
                .time(OffsetDateTime.parse(cloudEvent.get("time").asText())).dataContentType("application/json")
                .data(cloudEvent.get("data").toString().getBytes(StandardCharsets.UTF_8)).build();
        Event<?> fromSdk = events.decode(GcpCloudEventFunction.fromSdk(binaryMode));

        assertThat(fromBackground).isEqualTo(fromSdk).isEqualTo(decoder.decodeEvent(bytes(cloudEvent)));
    }
}
