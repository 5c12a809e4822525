package dev.portablefn.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.batch.Ordering;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.aws.AwsDecoder;
import dev.portablefn.azure.AzureDecoder;
import dev.portablefn.doubles.gcp.FakeHttpRequest;
import dev.portablefn.gcp.GcpDecoder;
import dev.portablefn.runtime.internal.Decoded;
import dev.portablefn.runtime.internal.ProviderDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every raw builder's output goes through the real adapter decoder and comes out as the expected portable value. */
class RawEventBuildersTest {

    private static final ProviderDecoder AWS = new AwsDecoder();
    private static final ProviderDecoder GCP = new GcpDecoder();
    private static final ProviderDecoder AZURE = new AzureDecoder();

    private static List<Event<?>> events(ProviderDecoder decoder, byte[] payload) {
        Decoded decoded = decoder.decode(payload);
        assertThat(decoded).isInstanceOf(Decoded.Events.class);
        return ((Decoded.Events) decoded).events();
    }

    private static HttpRequest request(ProviderDecoder decoder, byte[] payload) {
        Decoded decoded = decoder.decode(payload);
        assertThat(decoded).isInstanceOf(Decoded.Http.class);
        return ((Decoded.Http) decoded).request();
    }

    private static String text(Object data) {
        if (data instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return data instanceof JsonNode json && json.isTextual() ? json.textValue() : String.valueOf(data);
    }

    @Test
    void sqsBatchDecodesToOneQueueEventPerBodyInOrder() {
        Decoded.Events decoded = (Decoded.Events) AWS.decode(AwsEvents.sqs(List.of("{\"a\":1}", "plain"), Map.of("kind", "test")));

        assertThat(decoded.batch()).isTrue();
        assertThat(decoded.ordering()).isEqualTo(Ordering.UNORDERED);
        assertThat(decoded.events()).extracting(Event::id).containsExactly("message-1", "message-2");
        assertThat(decoded.events()).extracting(Event::trigger).containsOnly(Trigger.QUEUE);
        assertThat(decoded.events()).extracting(e -> text(e.data())).containsExactly("{\"a\":1}", "plain");
        assertThat(decoded.events().get(0).attribute("kind")).contains("test");
        assertThat(decoded.events().get(0).deliveryAttempt()).hasValue(1);
    }

    @Test
    void sqsFifoBatchIsOrderedAndCarriesTheGroup() {
        Decoded.Events decoded = (Decoded.Events) AWS.decode(AwsEvents.sqsFifo("g-1", List.of("a", "b")));

        assertThat(decoded.ordering()).isEqualTo(Ordering.ORDERED);
        assertThat(decoded.events()).extracting(e -> text(e.data())).containsExactly("a", "b");
        assertThat(decoded.events().get(1).attributes()).containsValue("g-1");
    }

    @Test
    void apiGatewayV2RequestDecodesToTheSamePortableRequest() {
        HttpRequest original = Events.http("PUT", "/courses/a b?page=2&tag=x&tag=y").header("X-Tenant", "t-1")
                .header("Cookie", "session=abc; theme=dark").header("Content-Type", "application/json")
                .body("{\"title\":\"Ünïcode\"}").build();

        HttpRequest decoded = request(AWS, AwsHttpEvents.apiGatewayV2(original));

        assertThat(decoded.method()).isEqualTo("PUT");
        assertThat(decoded.path()).isEqualTo("/courses/a b");
        assertThat(decoded.query().asMap()).containsEntry("page", List.of("2"));
        assertThat(decoded.query().asMap().get("tag")).containsExactly("x", "y");
        assertThat(decoded.header("x-tenant")).contains("t-1");
        assertThat(decoded.cookies()).containsEntry("session", "abc").containsEntry("theme", "dark");
        assertThat(decoded.bodyAsString()).isEqualTo("{\"title\":\"Ünïcode\"}");
    }

    @Test
    void apiGatewayV2SendsBinaryBodiesBase64Encoded() {
        byte[] binary = {(byte) 0xff, 0, (byte) 0xfe, 1};
        byte[] payload = AwsHttpEvents.apiGatewayV2(Events.http("POST", "/upload").body(binary).build());

        assertThat(new String(payload, StandardCharsets.UTF_8)).contains("\"isBase64Encoded\" : true");
        assertThat(request(AWS, payload).body()).containsExactly(binary);
    }

    @Test
    void s3NotificationDecodesToAStorageObjectWithTheKeyDecoded() {
        Event<?> event = events(AWS, AwsEvents.s3("photos", "summer/a b+c.jpg", 2048)).get(0);

        assertThat(event.trigger()).isEqualTo(Trigger.STORAGE);
        StorageObject object = (StorageObject) event.data();
        assertThat(object.bucket()).isEqualTo("photos");
        assertThat(object.key()).isEqualTo("summer/a b+c.jpg");
        assertThat(object.size()).isEqualTo(2048L);
        assertThat(object.change()).isEqualTo(StorageObject.Change.CREATED);
    }

    @Test
    void s3RemovalDecodesToADeletedObject() {
        StorageObject object = (StorageObject) events(AWS, AwsEvents.s3("ObjectRemoved:Delete", "photos", "x.jpg", 0))
                .get(0).data();

        assertThat(object.change()).isEqualTo(StorageObject.Change.DELETED);
        assertThat(object.key()).isEqualTo("x.jpg");
    }

    @Test
    void snsNotificationDecodesToATopicMessage() {
        Event<?> event = events(AWS, AwsEvents.sns("hello", Map.of("kind", "greeting"))).get(0);

        assertThat(event.trigger()).isEqualTo(Trigger.TOPIC);
        assertThat(event.id()).isEqualTo("message-1");
        assertThat(text(event.data())).isEqualTo("hello");
        assertThat(event.attribute("kind")).contains("greeting");
    }

    @Test
    void kinesisBatchDecodesToOrderedStreamRecords() {
        Decoded.Events decoded = (Decoded.Events) AWS.decode(AwsEvents.kinesis("user-7", List.of("r1", "r2")));

        assertThat(decoded.ordering()).isEqualTo(Ordering.ORDERED);
        assertThat(decoded.events()).extracting(Event::trigger).containsOnly(Trigger.STREAM);
        assertThat(decoded.events()).extracting(e -> text(e.data())).containsExactly("r1", "r2");
        assertThat(decoded.events().get(0).attributes()).containsValue("user-7");
    }

    @Test
    void pubsubCloudEventDecodesToAMessageWithItsDataAndAttributes() {
        Event<?> event = events(GCP, GcpEvents.pubsub("m-9", "{\"n\":1}", Map.of("origin", "test"))).get(0);

        assertThat(event.id()).isEqualTo("m-9");
        assertThat(event.trigger()).isIn(Trigger.TOPIC, Trigger.QUEUE);
        assertThat(text(event.data())).isEqualTo("{\"n\":1}");
        assertThat(event.attribute("origin")).contains("test");
    }

    @Test
    void storageCloudEventDecodesToAStorageObject() {
        Event<?> event = events(GCP, GcpEvents.storage("docs", "reports/q1.pdf", 77)).get(0);

        assertThat(event.trigger()).isEqualTo(Trigger.STORAGE);
        StorageObject object = (StorageObject) event.data();
        assertThat(object.bucket()).isEqualTo("docs");
        assertThat(object.key()).isEqualTo("reports/q1.pdf");
        assertThat(object.size()).isEqualTo(77L);
        assertThat(object.change()).isEqualTo(StorageObject.Change.CREATED);
    }

    @Test
    void gcpHttpRequestBytesParseBackToTheSameRequest() {
        HttpRequest original = Events.http("POST", "/orders?x=1").header("X-Tenant", "t-1").body("hi").build();

        FakeHttpRequest parsed = FakeHttpRequest.parse(GcpEvents.http(original));

        assertThat(parsed.getMethod()).isEqualTo("POST");
        assertThat(parsed.getPath()).isEqualTo("/orders");
        assertThat(parsed.getQueryParameters()).containsEntry("x", List.of("1"));
        assertThat(parsed.getFirstHeader("x-tenant")).contains("t-1");
        assertThat(parsed.getContentLength()).isEqualTo(2);
    }

    @Test
    void azureQueueInvocationDecodesToAQueueMessageWithItsDequeueCount() {
        Event<?> event = events(AZURE, AzureEvents.queue("q-1", "{\"id\":3}", 2)).get(0);

        assertThat(event.trigger()).isEqualTo(Trigger.QUEUE);
        assertThat(event.id()).isEqualTo("q-1");
        assertThat(event.deliveryAttempt()).hasValue(2);
        assertThat(text(event.data())).isEqualTo("{\"id\":3}");
    }

    @Test
    void azureEventGridEventDecodesToATopicEventWithItsData() {
        Event<?> event = events(AZURE, AzureEvents.eventGrid("Contoso.Orders.OrderPlaced", "orders/1", Map.of("id", 1)))
                .get(0);

        assertThat(event.id()).isEqualTo("message-1");
        assertThat(event.type()).isEqualTo("Contoso.Orders.OrderPlaced");
        assertThat(event.subject()).contains("orders/1");
        assertThat(text(event.data())).contains("\"id\"");
    }

    @Test
    void azureBlobCreatedDecodesToAStorageObject() {
        Event<?> event = events(AZURE, AzureEvents.blobCreated("images", "cat.png", 512)).get(0);

        assertThat(event.trigger()).isEqualTo(Trigger.STORAGE);
        StorageObject object = (StorageObject) event.data();
        assertThat(object.bucket()).isEqualTo("images");
        assertThat(object.key()).isEqualTo("cat.png");
        assertThat(object.size()).isEqualTo(512L);
    }

    @Test
    void azureHttpInvocationDecodesWithoutTheRoutePrefix() {
        HttpRequest decoded = request(AZURE, AzureEvents.http(Events.http("GET", "/courses/7?page=2")
                .header("X-Tenant", "t-1").build()));

        assertThat(decoded.method()).isEqualTo("GET");
        assertThat(decoded.path()).isEqualTo("/courses/7");
        assertThat(decoded.queryParameter("page")).contains("2");
        assertThat(decoded.header("x-tenant")).contains("t-1");
    }

    @Test
    void recordedEventsLoadFromTheClasspathAndFromFiles(@TempDir Path dir) throws Exception {
        byte[] recorded = RecordedEvents.load("/events/aws/sqs-event.json");
        assertThat(events(AWS, recorded)).extracting(Event::id).containsExactly("MessageID_1");

        Path file = Files.write(dir.resolve("event.json"), AwsEvents.sns("x"));
        assertThat(RecordedEvents.load(file)).isEqualTo(AwsEvents.sns("x"));
    }

    @Test
    void missingRecordedEventsNameTheResourceAndTheFix() {
        assertThatThrownBy(() -> RecordedEvents.load("events/aws/missing.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("events/aws/missing.json")
                .hasMessageContaining("src/test/resources");
        assertThatThrownBy(() -> RecordedEvents.load(Path.of("no/such/file.json")))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("file.json");
    }
}
