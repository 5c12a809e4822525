package dev.portablefn.gcp;

import static dev.portablefn.gcp.TestEvents.bytes;
import static dev.portablefn.gcp.TestEvents.cloudEvent;
import static dev.portablefn.gcp.TestEvents.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.Provider;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.batch.Ordering;
import dev.portablefn.api.event.DocumentChange;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.runtime.internal.Decoded;
import dev.portablefn.runtime.internal.ProviderDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every recorded GCP event payload, wrapped into the CloudEvent Eventarc delivers it in, decodes field by field. */
class GcpDecoderFixtureTest {

    private static final String TOPIC = "//pubsub.googleapis.com/projects/my-project/topics/my-topic";
    private final GcpDecoder decoder = new GcpDecoder();

    private Event<?> decode(JsonNode cloudEvent) {
        Decoded decoded = decoder.decode(bytes(cloudEvent));
        assertThat(decoded).isInstanceOf(Decoded.Events.class);
        Decoded.Events events = (Decoded.Events) decoded;
        assertThat(events.batch()).isFalse();
        assertThat(events.ordering()).isEqualTo(Ordering.UNORDERED);
        assertThat(events.events()).hasSize(1);
        return events.events().get(0);
    }

    @Test
    void registersAsTheGcpProviderDecoder() {
        assertThat(ServiceLoader.load(ProviderDecoder.class).stream().map(ServiceLoader.Provider::get)
                .filter(found -> found.provider() == Provider.GCP))
                .singleElement().isInstanceOf(GcpDecoder.class);
    }

    @Test
    void pubsubTextMessageBecomesTopicEventWithDecodedBytesAndAttributes() {
        Event<?> event = decode(cloudEvent("message-id", TOPIC, "google.cloud.pubsub.topic.v1.messagePublished", null,
                "2021-02-05T04:06:14.109Z", fixture("pubsub-MessagePublishedData-text.json")));

        assertThat(event.trigger()).isEqualTo(Trigger.TOPIC);
        assertThat(event.id()).isEqualTo("message-id");
        assertThat(event.source()).isEqualTo(TOPIC);
        assertThat(event.type()).isEqualTo("google.cloud.pubsub.topic.v1.messagePublished");
        assertThat(event.time()).contains(Instant.parse("2021-02-05T04:06:14.109Z"));
        assertThat(new String((byte[]) event.data(), StandardCharsets.UTF_8)).isEqualTo("test message 3");
        assertThat(event.attributes()).containsExactly(Map.entry("attr1", "attr1-value"));
        assertThat(event.deliveryAttempt()).isEmpty();
        assertThat(event.unwrap(JsonNode.class).get("data").get("subscription").asText())
                .isEqualTo("projects/my-project/subscriptions/my-subscription");
    }

    @ParameterizedTest
    @CsvSource({"pubsub-MessagePublishedData-binary.json", "pubsub-MessagePublishedData-duplicatedFields.json"})
    void pubsubBinaryMessageKeepsItsBytes(String fixtureName) {
        Event<?> event = decode(cloudEvent("message-id", TOPIC, "google.cloud.pubsub.topic.v1.messagePublished", null,
                null, fixture(fixtureName)));

        assertThat((byte[]) event.data()).containsExactly(1, 2, 3, 4);
        assertThat(event.attributes()).isEmpty();
        assertThat(event.time()).as("publishTime when the CloudEvent has no time")
                .contains(Instant.parse("2021-02-05T04:06:14.109Z"));
    }

    @Test
    void pubsubOrderingKeyAndDeliveryAttemptArePassedOn() {
        JsonNode data = TestEvents.json("{\"subscription\":\"projects/p/subscriptions/s\",\"deliveryAttempt\":5,"
                + "\"message\":{\"data\":\"aGk=\",\"orderingKey\":\"customer-7\",\"attributes\":{\"a\":\"b\"}}}");
        Event<?> event = decode(cloudEvent("m-1", TOPIC, "google.cloud.pubsub.topic.v1.messagePublished", null,
                "2024-01-01T00:00:00Z", data));

        assertThat(event.deliveryAttempt()).hasValue(5);
        assertThat(event.attributes()).containsEntry("orderingKey", "customer-7").containsEntry("a", "b");
        assertThat((byte[]) event.data()).asString(StandardCharsets.UTF_8).isEqualTo("hi");
    }

    @ParameterizedTest
    @CsvSource({"finalized,CREATED", "deleted,DELETED", "archived,ARCHIVED", "metadataUpdated,METADATA_UPDATED"})
    void storageEventsBecomeStorageObjectsWithTheirChange(String suffix, StorageObject.Change change) {
        Event<?> event = decode(cloudEvent("1147091835525187", "//storage.googleapis.com/projects/_/buckets/some-bucket",
                "google.cloud.storage.object.v1." + suffix, "objects/folder/Test.cs", "2020-04-23T07:38:57.772Z",
                fixture("storage-StorageObjectData-simple.json")));

        assertThat(event.trigger()).isEqualTo(Trigger.STORAGE);
        assertThat(event.subject()).contains("objects/folder/Test.cs");
        StorageObject object = (StorageObject) event.data();
        assertThat(object.bucket()).isEqualTo("some-bucket");
        assertThat(object.key()).isEqualTo("folder/Test.cs");
        assertThat(object.size()).as("size arrives as the string \"352\"").isEqualTo(352L);
        assertThat(object.contentType()).isEqualTo("text/plain");
        assertThat(object.etag()).isEqualTo("CNHZkbuF/ugCEAE=");
        assertThat(object.change()).isEqualTo(change);
        assertThat(object.updated()).isEqualTo(Instant.parse("2020-04-23T07:38:57.230Z"));
        assertThat(object.metadata()).isEmpty();
    }

    @Test
    void storageComplexObjectReadsNumericSizeAndEmptyMetadata() {
        Event<?> event = decode(cloudEvent("e-2", "//storage.googleapis.com/projects/_/buckets/sample-bucket",
                "google.cloud.storage.object.v1.finalized", "objects/MyFile", null,
                fixture("storage-StorageObjectData-complex.json")));

        StorageObject object = (StorageObject) event.data();
        assertThat(object.bucket()).isEqualTo("sample-bucket");
        assertThat(object.key()).isEqualTo("MyFile");
        assertThat(object.size()).isZero();
        assertThat(object.contentType()).isEqualTo("esse commodo");
        assertThat(object.etag()).isEqualTo("COu8mb3Dn+kCEAE=");
        assertThat(object.updated()).isEqualTo(Instant.parse("1970-09-15T14:05:26.975Z"));
        assertThat(object.metadata()).isEmpty();
    }

    @Test
    void firestoreUpdateBecomesDocumentChangeWithPlainJson() {
        Event<?> event = decode(cloudEvent("7b8f1804-d38b-4b68-b37d-e2fb5d12d5a0-0",
                "//firestore.googleapis.com/projects/project-id/databases/(default)",
                "google.cloud.firestore.document.v1.written", "documents/gcf-test/2Vm2mI1d0wIaK2Waj5to",
                "2020-09-24T10:47:35.000Z", fixture("firestore-DocumentEventData-simple.json")));

        assertThat(event.trigger()).isEqualTo(Trigger.DATABASE);
        @SuppressWarnings("unchecked")
        DocumentChange<JsonNode> change = (DocumentChange<JsonNode>) event.data();
        assertThat(change.kind()).isEqualTo(DocumentChange.Kind.UPDATED);
        assertThat(change.collection()).isEqualTo("gcf-test");
        assertThat(change.key()).containsExactly(Map.entry("id", "2Vm2mI1d0wIaK2Waj5to"));
        assertThat(change.before()).isEqualTo(TestEvents.json("{\"another test\":\"asd\",\"count\":3,\"foo\":\"bar\"}"));
        assertThat(change.after()).isEqualTo(TestEvents.json("{\"another test\":\"asd\",\"count\":4,\"foo\":\"bar\"}"));
    }

    @Test
    void firestoreValueMapsOfEveryTypeBecomePlainJson() {
        Event<?> event = decode(cloudEvent("e-3", "//firestore.googleapis.com/projects/project-id/databases/(default)",
                "google.cloud.firestore.document.v1.created", "documents/gcf-test/IH75dRdeYJKd4uuQiqch", null,
                fixture("firestore-DocumentEventData-complex.json")));

        @SuppressWarnings("unchecked")
        DocumentChange<JsonNode> change = (DocumentChange<JsonNode>) event.data();
        assertThat(change.kind()).isEqualTo(DocumentChange.Kind.CREATED);
        assertThat(change.before()).as("\"oldValue\": {} means no previous document").isNull();
        JsonNode after = change.after();
        assertThat(after.get("arrayValue")).isEqualTo(TestEvents.json("[1,2]"));
        assertThat(after.get("booleanValue").booleanValue()).isTrue();
        assertThat(after.get("doubleValue").doubleValue()).isEqualTo(5.5);
        assertThat(after.get("geoPointValue")).isEqualTo(TestEvents.json("{\"latitude\":51.4543,\"longitude\":-0.9781}"));
        assertThat(after.get("intValue").longValue()).isEqualTo(50L);
        assertThat(after.get("mapValue")).isEqualTo(TestEvents.json("{\"field1\":\"x\",\"field2\":[\"x\",1]}"));
        assertThat(after.get("nullValue").isNull()).isTrue();
        assertThat(after.get("referenceValue").asText())
                .isEqualTo("projects/project-id/databases/(default)/documents/foo/bar/baz/qux");
        assertThat(after.get("stringValue").asText()).isEqualTo("text");
        assertThat(after.get("timestampValue").asText()).isEqualTo("2020-04-23T14:23:53.241Z");
        assertThat(change.collection()).isEqualTo("gcf-test");
        assertThat(change.key()).containsEntry("id", "IH75dRdeYJKd4uuQiqch");
    }

    @Test
    void firestoreDeletionHasOnlyBefore() {
        JsonNode data = TestEvents.json("{\"oldValue\":{\"name\":\"projects/p/databases/(default)/documents/users/alice/"
                + "orders/o-1\",\"fields\":{\"total\":{\"doubleValue\":\"NaN\"}}}}");
        Event<?> event = decode(cloudEvent("e-4", "//firestore.googleapis.com/projects/p/databases/(default)",
                "google.cloud.firestore.document.v1.deleted", "documents/users/alice/orders/o-1", null, data));

        @SuppressWarnings("unchecked")
        DocumentChange<JsonNode> change = (DocumentChange<JsonNode>) event.data();
        assertThat(change.kind()).isEqualTo(DocumentChange.Kind.DELETED);
        assertThat(change.collection()).isEqualTo("users/alice/orders");
        assertThat(change.key()).containsEntry("id", "o-1");
        assertThat(change.after()).isNull();
        assertThat(change.before().get("total").asText()).isEqualTo("NaN");
    }

    @Test
    void schedulerJobBecomesScheduleTick() {
        Event<?> event = decode(cloudEvent("sched-1",
                "//cloudscheduler.googleapis.com/projects/p/locations/us-central1/jobs/nightly-report",
                "google.cloud.scheduler.job.v1.executed", null, "2024-03-01T02:00:00Z",
                fixture("scheduler-SchedulerJobData-simple.json")));

        assertThat(event.trigger()).isEqualTo(Trigger.SCHEDULE);
        assertThat(event.data()).isEqualTo(new ScheduleTick(Instant.parse("2024-03-01T02:00:00Z"), "nightly-report"));
        assertThat(event.attributes()).containsEntry("customData", "bXkgYmFzZTY0IGRhdGE=");
    }

    @Test
    void otherCloudEventsAreCustomWithTheirJsonDataAndExtensions() {
        JsonNode cloudEvent = cloudEvent("c-1", "//example.com/orders", "com.example.order.placed", "orders/42",
                "2024-05-05T10:00:00+02:00", TestEvents.json("{\"orderId\":42}"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) cloudEvent).put("tenant", "acme").put("priority", 3);
        Event<?> event = decode(cloudEvent);

        assertThat(event.trigger()).isEqualTo(Trigger.CUSTOM);
        assertThat(event.data()).isEqualTo(TestEvents.json("{\"orderId\":42}"));
        assertThat(event.dataContentType()).contains("application/json");
        assertThat(event.time()).contains(Instant.parse("2024-05-05T08:00:00Z"));
        assertThat(event.subject()).contains("orders/42");
        assertThat(event.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("tenant", "acme", "priority", "3"));
    }

    @Test
    void customCloudEventWithBase64DataKeepsBytes() {
        JsonNode cloudEvent = TestEvents.json("{\"specversion\":\"1.0\",\"id\":\"b-1\",\"source\":\"/s\",\"type\":\"t\","
                + "\"datacontenttype\":\"application/octet-stream\",\"data_base64\":\"AAEC/w==\"}");
        Event<?> event = decode(cloudEvent);

        assertThat((byte[]) event.data()).containsExactly(0, 1, 2, 255);
        assertThat(event.dataContentType()).contains("application/octet-stream");
    }
}
