package dev.portablefn.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.batch.Ordering;
import dev.portablefn.api.event.DocumentChange;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.aws.AwsDecoder;
import dev.portablefn.azure.AzureDecoder;
import dev.portablefn.gcp.GcpDecoder;
import dev.portablefn.runtime.internal.Decoded;
import dev.portablefn.runtime.internal.ProviderDecoder;
import dev.portablefn.runtime.json.JacksonCodec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The builders for the other AWS front doors (REST API, ALB, Function URL), EventBridge, the database-change
 * triggers of the three clouds (DynamoDB Streams, Firestore, Cosmos DB) and GCP's legacy background events: each
 * payload goes through the real adapter decoder and comes out as the portable value it was built from.
 */
class FrontDoorAndDatabaseBuildersTest {

    private static final ProviderDecoder AWS = new AwsDecoder();
    private static final ProviderDecoder GCP = new GcpDecoder();
    private static final ProviderDecoder AZURE = new AzureDecoder();

    private static final HttpRequest ORIGINAL = Events.http("PUT", "/courses/a b?page=2&tag=x&tag=y")
            .header("X-Tenant", "t-1").header("Content-Type", "application/json")
            .body("{\"title\":\"Ünïcode\"}").build();

    /** A document with every JSON kind the database encodings have to carry. */
    private static final Map<String, Object> DOCUMENT = document();

    private static Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("title", "Portable functions");
        document.put("seats", 40);
        document.put("price", 49.5);
        document.put("open", true);
        document.put("retired", null);
        document.put("tags", List.of("java", "cloud"));
        document.put("teacher", Map.of("name", "Ada", "since", 2019));
        return document;
    }

    private static HttpRequest request(ProviderDecoder decoder, byte[] payload) {
        Decoded decoded = decoder.decode(payload);
        assertThat(decoded).isInstanceOf(Decoded.Http.class);
        return ((Decoded.Http) decoded).request();
    }

    private static Decoded.Events events(ProviderDecoder decoder, byte[] payload) {
        Decoded decoded = decoder.decode(payload);
        assertThat(decoded).isInstanceOf(Decoded.Events.class);
        return (Decoded.Events) decoded;
    }

    private static void assertSameRequest(HttpRequest decoded) {
        assertThat(decoded.method()).isEqualTo("PUT");
        assertThat(decoded.path()).isEqualTo("/courses/a b");
        assertThat(decoded.query().all("tag")).containsExactly("x", "y");
        assertThat(decoded.query().first("page")).contains("2");
        assertThat(decoded.header("x-tenant")).contains("t-1");
        assertThat(decoded.bodyAsString()).isEqualTo("{\"title\":\"Ünïcode\"}");
    }

    private static JsonNode json(Object value) {
        return JacksonCodec.standard().mapper().valueToTree(value);
    }

    @Test
    void restApiRequestDecodesToTheSamePortableRequest() {
        assertSameRequest(request(AWS, AwsHttpEvents.apiGatewayV1(ORIGINAL)));
    }

    @Test
    void albRequestDecodesToTheSamePortableRequestFromItsEncodedPathAndQuery() {
        HttpRequest decoded = request(AWS, AwsHttpEvents.alb(ORIGINAL));

        assertSameRequest(decoded);
        assertThat(decoded.rawPath()).isEqualTo("/courses/a%20b");
    }

    @Test
    void functionUrlRequestDecodesToTheSamePortableRequest() {
        byte[] payload = AwsHttpEvents.functionUrl(ORIGINAL);

        assertSameRequest(request(AWS, payload));
        assertThat(new String(payload, StandardCharsets.UTF_8)).doesNotContain("\"routeKey\":").contains(".lambda-url.");
    }

    @Test
    void eventBridgeCustomEventDecodesWithItsSourceTypeAndDetail() {
        Event<?> event = events(AWS, AwsEvents.eventBridge("com.example.orders", "OrderPlaced",
                Map.of("orderId", "o-7", "total", 12))).events().get(0);

        assertThat(event.trigger()).isEqualTo(Trigger.CUSTOM);
        assertThat(event.source()).isEqualTo("com.example.orders");
        assertThat(event.type()).isEqualTo("OrderPlaced");
        assertThat(event.id()).isEqualTo("eventbridge-1");
        assertThat((JsonNode) event.data()).isEqualTo(json(Map.of("orderId", "o-7", "total", 12)));
    }

    @Test
    void dynamoDbStreamDecodesToOrderedDocumentChangesWithTypedValuesUndone() {
        Decoded.Events decoded = events(AWS, AwsEvents.dynamoDb("courses", List.of(
                Events.documentChange("courses", "c-1", null, DOCUMENT, DocumentChange.Kind.CREATED),
                Events.documentChange("courses", "c-1", DOCUMENT, Map.of("title", "Renamed"), DocumentChange.Kind.UPDATED),
                Events.documentChange("courses", "c-1", Map.of("title", "Renamed"), null, DocumentChange.Kind.DELETED))));

        assertThat(decoded.ordering()).isEqualTo(Ordering.ORDERED);
        assertThat(decoded.events()).extracting(Event::trigger).containsOnly(Trigger.DATABASE);
        List<DocumentChange<?>> changes = decoded.events().stream().<DocumentChange<?>>map(e -> (DocumentChange<?>) e.data()).toList();
        assertThat(changes).extracting(DocumentChange::kind).containsExactly(DocumentChange.Kind.CREATED,
                DocumentChange.Kind.UPDATED, DocumentChange.Kind.DELETED);
        assertThat(changes).extracting(DocumentChange::collection).containsOnly("courses");
        assertThat(changes.get(0).key()).isEqualTo(Map.of("id", "c-1"));
        // DynamoDB numbers come back as the decoder's number nodes: compare the JSON text
        assertThat(changes.get(0).after()).hasToString(json(DOCUMENT).toString());
        assertThat(changes.get(1).before()).hasToString(json(DOCUMENT).toString());
        assertThat(changes.get(2).after()).isNull();
    }

    @Test
    void firestoreCloudEventDecodesToTheDocumentChangeItWasBuiltFrom() {
        Event<?> event = events(GCP, GcpEvents.firestore(
                Events.documentChange("courses", "c-1", Map.of("title", "Old"), DOCUMENT, DocumentChange.Kind.UPDATED)))
                .events().get(0);

        DocumentChange<?> change = (DocumentChange<?>) event.data();
        assertThat(event.trigger()).isEqualTo(Trigger.DATABASE);
        assertThat(change.kind()).isEqualTo(DocumentChange.Kind.UPDATED);
        assertThat(change.collection()).isEqualTo("courses");
        assertThat(change.key()).isEqualTo(Map.of("id", "c-1"));
        assertThat((JsonNode) change.after()).isEqualTo(json(DOCUMENT));
        assertThat((JsonNode) change.before()).isEqualTo(json(Map.of("title", "Old")));
    }

    @Test
    void firestoreCreationAndDeletionCarryOnlyTheDocumentThatExists() {
        DocumentChange<?> created = (DocumentChange<?>) events(GCP, GcpEvents.firestore(
                Events.documentChange("courses", "c-2", null, DOCUMENT, DocumentChange.Kind.CREATED))).events().get(0).data();
        DocumentChange<?> deleted = (DocumentChange<?>) events(GCP, GcpEvents.firestore(
                Events.documentChange("courses", "c-2", DOCUMENT, null, DocumentChange.Kind.DELETED))).events().get(0).data();

        assertThat(created.kind()).isEqualTo(DocumentChange.Kind.CREATED);
        assertThat(created.before()).isNull();
        assertThat(deleted.kind()).isEqualTo(DocumentChange.Kind.DELETED);
        assertThat(deleted.after()).isNull();
        assertThat((JsonNode) deleted.before()).isEqualTo(json(DOCUMENT));
    }

    @Test
    void legacyPubsubEventDecodesToTheMessageAGen2FunctionWouldGet() {
        Event<?> message = Events.topicMessage("{\"n\":1}");
        Event<?> legacy = events(GCP, GcpEvents.legacyPubsub("orders", Event.builder().id("m-9").source("s").type("t")
                .trigger(Trigger.TOPIC).data("{\"n\":1}").attribute("origin", "test").build())).events().get(0);

        assertThat(message).isNotNull();
        assertThat(legacy.trigger()).isEqualTo(Trigger.TOPIC);
        assertThat(legacy.id()).isEqualTo("m-9");
        assertThat(legacy.attribute("origin")).contains("test");
        assertThat(new String((byte[]) legacy.data(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
    }

    @Test
    void legacyStorageEventDecodesToTheSameStorageObjectAsTheCloudEvent() {
        Event<StorageObject> change = Events.storageObjectCreated("docs", "reports/q1.pdf");

        StorageObject legacy = (StorageObject) events(GCP, GcpEvents.legacyStorage(change)).events().get(0).data();
        StorageObject gen2 = (StorageObject) events(GCP, GcpEvents.storage(change)).events().get(0).data();

        assertThat(legacy).isEqualTo(gen2);
        assertThat(legacy.bucket()).isEqualTo("docs");
        assertThat(legacy.key()).isEqualTo("reports/q1.pdf");
    }

    @Test
    void cosmosDbChangeFeedDecodesToUpsertsInTheContainer() {
        Decoded.Events decoded = events(AZURE, AzureEvents.cosmosDb("courses", List.of(
                Events.documentChange("courses", "c-1", null, DOCUMENT, DocumentChange.Kind.CREATED),
                Events.documentChange("courses", "c-2", null, Map.of("title", "Second"), DocumentChange.Kind.UPDATED))));

        assertThat(decoded.ordering()).isEqualTo(Ordering.ORDERED);
        List<DocumentChange<?>> changes = decoded.events().stream().<DocumentChange<?>>map(e -> (DocumentChange<?>) e.data()).toList();
        assertThat(changes).extracting(DocumentChange::kind).containsOnly(DocumentChange.Kind.UPSERTED);
        assertThat(changes).extracting(DocumentChange::collection).containsOnly("courses");
        assertThat(changes).extracting(c -> c.key().get("id")).containsExactly("c-1", "c-2");
        assertThat(((JsonNode) changes.get(0).after()).get("teacher")).isEqualTo(json(DOCUMENT.get("teacher")));
        assertThat(((JsonNode) changes.get(0).after()).get("seats").asInt()).isEqualTo(40);
    }

    @Test
    void cosmosDbRefusesADeletionBecauseTheChangeFeedCarriesNone() {
        assertThatThrownBy(() -> AzureEvents.cosmosDb("courses", List.of(
                Events.documentChange("courses", "c-1", DOCUMENT, null, DocumentChange.Kind.DELETED))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carries no deletions");
    }
}
