package dev.portablefn.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.Provider;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.batch.Ordering;
import dev.portablefn.api.event.DocumentChange;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.runtime.internal.Decoded;
import dev.portablefn.runtime.internal.ProviderDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AzureDecoderTest {

    private final AzureDecoder decoder = new AzureDecoder();

    private Decoded.Events events(String fixture) {
        return (Decoded.Events) decoder.decode(Fixtures.bytes(fixture));
    }

    @Test
    void serviceLoaderFindsTheAzureDecoder() {
        assertThat(ServiceLoader.load(ProviderDecoder.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(found -> assertThat(found.provider()).isEqualTo(Provider.AZURE));
    }

    @Test
    void customHandlerHttpRequestDecodesUrlQueryHeadersAndBody() {
        HttpRequest request = ((Decoded.Http) decoder.decode(Fixtures.bytes("invocation-http.json"))).request();

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/courses/42");
        assertThat(request.rawPath()).isEqualTo("/api/courses/42");
        assertThat(request.query().all("tag")).containsExactly("a", "b");
        assertThat(request.query().first("expand")).contains("teacher");
        assertThat(request.headers().all("x-multi")).containsExactly("one", "two");
        assertThat(request.headers().first("content-type")).contains("application/json; charset=utf-8");
        assertThat(request.bodyAsString()).isEqualTo("{\"title\":\"Algebra\"}");
    }

    @Test
    void customHandlerQueueMessageDecodes() {
        Decoded.Events decoded = events("invocation-queue.json");
        Event<?> event = decoded.events().get(0);

        assertThat(decoded.batch()).isFalse();
        assertThat(event.trigger()).isEqualTo(Trigger.QUEUE);
        assertThat(event.id()).isEqualTo("800ae4b3-bdd2-4c08-badd-f08e5a34b865");
        assertThat(event.deliveryAttempt()).hasValue(2);
        assertThat(event.time()).contains(Instant.parse("2019-10-09T17:58:31Z"));
        assertThat(event.data()).as("message text, bound by the runner without a copy to bytes")
                .isEqualTo("{\"orderId\":\"1807\",\"total\":42.5}");
        assertThat(event.source()).isEqualTo("azure://functions/QueueTrigger/queue");
    }

    @Test
    void customHandlerServiceBusMessageDecodes() {
        Event<?> event = events("invocation-servicebus.json").events().get(0);

        assertThat(event.id()).isEqualTo("b4c3a1f0a6d34f6f9e2b0f3c4d5e6f70");
        assertThat(event.deliveryAttempt()).hasValue(1);
        assertThat(event.time()).contains(Instant.parse("2024-03-01T10:05:00Z"));
        assertThat(event.attributes()).containsEntry("tenant", "contoso").containsEntry("priority", "3");
        assertThat(event.type()).isEqualTo("azure.servicebus.message");
    }

    @Test
    void customHandlerTimerDecodesTickAndPastDue() {
        Event<?> event = events("invocation-timer.json").events().get(0);

        assertThat(event.data()).isEqualTo(new ScheduleTick(Instant.parse("2024-03-01T02:00:00Z"), "nightly"));
        assertThat(event.attribute("pastDue")).contains("true");
        assertThat(event.trigger()).isEqualTo(Trigger.SCHEDULE);
    }

    @Test
    void customHandlerEventHubsBatchIsOrderedWithPositions() {
        Decoded.Events decoded = events("invocation-eventhubs.json");

        assertThat(decoded.ordering()).isEqualTo(Ordering.ORDERED);
        assertThat(decoded.batch()).isTrue();
        assertThat(decoded.events()).extracting(Event::id).containsExactly("3:1001", "3:1002", "3:1003");
        Event<?> last = decoded.events().get(2);
        assertThat(last.data()).isEqualTo("not json");
        assertThat(last.attributes()).containsEntry("offset", "4294968808").containsEntry("source", "gateway-2")
                .containsEntry("partitionId", "3").doesNotContainKey("partitionKey");
        assertThat(last.time()).contains(Instant.parse("2024-03-01T10:00:03Z"));
        assertThat(last.source()).isEqualTo("sb://telemetry-ns.servicebus.windows.net/telemetry");
    }

    @Test
    void customHandlerCosmosDocumentsDecode() {
        Decoded.Events decoded = events("invocation-cosmos.json");

        assertThat(decoded.ordering()).isEqualTo(Ordering.ORDERED);
        @SuppressWarnings("unchecked")
        DocumentChange<JsonNode> change = (DocumentChange<JsonNode>) decoded.events().get(1).data();
        assertThat(change.key()).containsEntry("id", "course-2");
        assertThat(change.after().get("title").asText()).isEqualTo("Geometry");
        assertThat(decoded.events().get(1).id()).isEqualTo("course-2@13");
    }

    @Test
    void customHandlerBlobDecodes() {
        Event<?> event = events("invocation-blob.json").events().get(0);

        assertThat(event.data()).isEqualTo(new StorageObject("samples-workitems", "inbox/hello.txt", 11L, "text/plain",
                "\"0x8DC39A1B2C3D4E5\"", StorageObject.Change.CREATED, Instant.parse("2024-03-01T10:09:00Z"),
                java.util.Map.of("owner", "ada")));
        assertThat(new String(event.unwrap(byte[].class), StandardCharsets.UTF_8)).isEqualTo("hello, blob");
    }

    @Test
    void eventGridArraysAreUnorderedBatchesAndBlobDeletedIsAStorageDeletion() {
        Decoded.Events custom = events("eventgrid-custom-topic.json");
        assertThat(custom.batch()).isTrue();
        assertThat(custom.ordering()).isEqualTo(Ordering.UNORDERED);
        assertThat(custom.events()).extracting(Event::id).containsExactly("1807", "1808");
        assertThat(((JsonNode) custom.events().get(1).data()).get("total").asInt()).isEqualTo(7);

        Event<?> deleted = events("eventgrid-blob-deleted.json").events().get(0);
        assertThat(deleted.data()).isEqualTo(new StorageObject("uploads", "old/notes.txt", null, "text/plain", null,
                StorageObject.Change.DELETED, Instant.parse("2017-11-07T20:09:22.5674003Z"), java.util.Map.of()));
    }

    @Test
    void cloudEventBinaryDataAndExtensionsAreKept() {
        Event<?> event = events("cloudevents-custom-binary.json").events().get(0);

        assertThat((byte[]) event.data()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(event.dataContentType()).contains("application/octet-stream");
        assertThat(event.attributes()).containsEntry("comexampleextension1", "value");
        assertThat(event.trigger()).isEqualTo(Trigger.TOPIC);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|Azure payload is empty",
        "42|neither an Event Grid event",
        "{\"Data\":{}}|'Data' is empty",
        "{\"Data\":[1]}|'Data' must be a JSON object",
        "{\"Data\":{\"x\":1},\"Metadata\":{}}|cannot tell the trigger of 'Data.x'",
        "{\"Data\":{\"m\":\"x\"},\"Metadata\":{\"DequeueCount\":0,\"Id\":\"a\"}}|'DequeueCount' must be at least 1",
        "{\"Data\":{\"m\":\"x\"},\"Metadata\":{\"DequeueCount\":1}}|'Id' is missing",
        "{\"Data\":{\"r\":{\"Url\":\"http://h/api\",\"Method\":\"G T\"}}}|'Method' is not an HTTP method",
        "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\",\"data_base64\":\"@@\"}|'data_base64' is not valid base64",
        "{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\"}|'specversion' 0.3 is not supported",
        "{\"eventType\":\"Microsoft.Storage.BlobCreated\",\"id\":\"1\",\"topic\":\"t\",\"subject\":\"x\",\"data\":{}}|names a container and blob",
        "{\"eventType\":\"e\",\"id\":\"1\",\"topic\":\"t\",\"eventTime\":\"soon\"}|'eventTime' is not an ISO-8601 timestamp",
        "[{\"eventType\":\"e\",\"id\":\"1\",\"topic\":\"t\"},{\"eventType\":\"e\",\"topic\":\"t\"}]|event 1 (Event Grid schema): 'id' is missing",
        "{\"Data\":{\"e\":[\"a\"]},\"Metadata\":{\"PartitionContext\":{},\"SystemPropertiesArray\":[{\"SequenceNumber\":\"x\"}]}}|'SequenceNumber' must be a whole number",
    })
    void malformedPayloadsFailWithTheFieldNamed(String payload, String message) {
        assertThatThrownBy(() -> decoder.decode(payload.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining(message);
    }
}
