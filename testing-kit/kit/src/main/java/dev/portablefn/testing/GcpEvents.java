package dev.portablefn.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.event.DocumentChange;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.doubles.gcp.FakeCloudEvent;
import dev.portablefn.doubles.gcp.FakeHttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Builds Google Cloud payloads as the Functions Framework receives them: structured-mode CloudEvents 1.0
 * JSON for Pub/Sub, Cloud Storage, Firestore and Cloud Scheduler (the {@code data} shapes of
 * googleapis/google-cloudevents: {@code MessagePublishedData}, {@code StorageObjectData}, {@code DocumentEventData}),
 * legacy (1st gen) background events, and raw HTTP/1.1 request bytes for HTTP functions.
 * Project {@code test-project}, times at {@link TestClock#DEFAULT_START}. Hand the CloudEvents to
 * {@link FunctionTester#invoke(byte[])}, or read one with {@link #cloudEvent(byte[])} for a {@code CloudEventsFunction}.
 */
public final class GcpEvents {

    static final String PROJECT = "test-project";
    private static final String PUBSUB_PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished";
    private static final String GENERATION = "1587627537231057";
    private static final Instant TIME = TestClock.DEFAULT_START;
    private static final String STORAGE_SERVICE = "storage.googleapis.com";

    private GcpEvents() {
    }

    /**
     * @param data the message data as text
     * @return a {@code google.cloud.pubsub.topic.v1.messagePublished} CloudEvent from topic {@code test-topic},
     *         message id {@code message-1}
     */
    public static byte[] pubsub(String data) {
        return pubsub(AwsEvents.messageId(0), data, Map.of());
    }

    /**
     * @param messageId  the Pub/Sub message id (also the CloudEvent id, as Eventarc sets it)
     * @param data       the message data as text (sent base64-encoded, as Pub/Sub does)
     * @param attributes the message attributes
     * @return a {@code google.cloud.pubsub.topic.v1.messagePublished} CloudEvent from topic {@code test-topic}
     */
    public static byte[] pubsub(String messageId, String data, Map<String, String> attributes) {
        return pubsub("test-topic", Event.<byte[]>builder().id(messageId).source("test-topic")
                .type(PUBSUB_PUBLISHED).trigger(Trigger.TOPIC).time(TIME).data(data.getBytes(StandardCharsets.UTF_8))
                .attributes(attributes).build());
    }

    /**
     * Encodes a portable message as the {@code messagePublished} CloudEvent a Pub/Sub push subscription delivers: its
     * id is the message id (and the CloudEvent id), its data the base64 {@code message.data}, its attributes the
     * message attributes, its delivery attempt the {@code deliveryAttempt} (sent when the subscription has a
     * dead-letter policy), its time the publish time. A {@code messageGroupId} or {@code partitionKey} attribute is
     * also the {@code orderingKey}.
     *
     * @param topic   the topic name
     * @param message the message
     * @return the CloudEvent, structured mode
     */
    public static byte[] pubsub(String topic, Event<?> message) {
        String time = message.time().orElse(TIME).toString();
        ObjectNode root = envelope(message.id(), "//pubsub.googleapis.com/projects/" + PROJECT + "/topics/" + topic,
                PUBSUB_PUBLISHED, time);
        ObjectNode body = root.putObject("data");
        ObjectNode published = body.putObject("message");
        if (!message.attributes().isEmpty()) {
            ObjectNode attributeNode = published.putObject("attributes");
            message.attributes().forEach(attributeNode::put);
        }
        Object data = message.data();
        published.put("data", Base64.getEncoder().encodeToString(data instanceof byte[] bytes ? bytes : Events.bytesOf(data)));
        published.put("messageId", message.id());
        published.put("publishTime", time);
        message.attribute("messageGroupId").or(() -> message.attribute("partitionKey"))
                .ifPresent(key -> published.put("orderingKey", key));
        body.put("subscription", "projects/" + PROJECT + "/subscriptions/" + topic + "-subscription");
        message.deliveryAttempt().ifPresent(attempt -> body.put("deliveryAttempt", attempt));
        return RawJson.compact(root);
    }

    /**
     * @param bucket the bucket
     * @param name   the object name
     * @param size   the object size in bytes
     * @return a {@code google.cloud.storage.object.v1.finalized} CloudEvent (object created or overwritten)
     */
    public static byte[] storage(String bucket, String name, long size) {
        return storage("google.cloud.storage.object.v1.finalized", bucket, name, size);
    }

    /**
     * @param type   the Cloud Storage event type, such as {@code google.cloud.storage.object.v1.deleted}
     * @param bucket the bucket
     * @param name   the object name
     * @param size   the object size in bytes
     * @return the CloudEvent, subject {@code objects/<name>}, data a {@code StorageObjectData}
     */
    public static byte[] storage(String type, String bucket, String name, long size) {
        return storage(type, Event.<StorageObject>builder().id(bucket + "/" + name + "/" + GENERATION)
                .source("test-bucket").type(type).trigger(Trigger.STORAGE).time(TIME)
                .data(new StorageObject(bucket, name, size, "application/octet-stream", "CNHZkbuF/ugCEAE=",
                        StorageObject.Change.CREATED, TIME, Map.of())).build());
    }

    /**
     * Encodes a portable storage event as the Cloud Storage CloudEvent Eventarc delivers: {@code finalized} for a
     * created object, {@code deleted}, {@code archived} or {@code metadataUpdated}; the event's id as the CloudEvent
     * id; the object's size, content type, etag and metadata in the {@code StorageObjectData}.
     *
     * @param change the storage event, as {@link Events#storage(StorageObject)} builds it
     * @return the CloudEvent, structured mode
     */
    public static byte[] storage(Event<StorageObject> change) {
        String suffix = switch (change.data().change()) {
            case DELETED -> "deleted";
            case ARCHIVED -> "archived";
            case METADATA_UPDATED -> "metadataUpdated";
            default -> "finalized";
        };
        return storage("google.cloud.storage.object.v1." + suffix, change);
    }

    private static byte[] storage(String type, Event<StorageObject> change) {
        StorageObject stored = change.data();
        String time = change.time().orElse(TIME).toString();
        ObjectNode root = envelope(change.id(), "//storage.googleapis.com/projects/_/buckets/" + stored.bucket(), type, time);
        root.put("subject", "objects/" + stored.key());
        ObjectNode data = root.putObject("data");
        data.put("kind", "storage#object");
        data.put("id", stored.bucket() + "/" + stored.key() + "/" + GENERATION);
        data.put("selfLink", "https://www.googleapis.com/storage/v1/b/" + stored.bucket() + "/o/" + stored.key());
        data.put("name", stored.key());
        data.put("bucket", stored.bucket());
        data.put("generation", GENERATION);
        data.put("metageneration", "1");
        if (stored.contentType() != null) {
            data.put("contentType", stored.contentType());
        }
        data.put("timeCreated", time);
        data.put("updated", stored.updated() == null ? time : stored.updated().toString());
        data.put("storageClass", "STANDARD");
        data.put("timeStorageClassUpdated", time);
        if (stored.size() != null) {
            data.put("size", Long.toString(stored.size()));
        }
        data.put("md5Hash", md5Base64(stored.bucket() + "/" + stored.key()));
        data.put("crc32c", "AAAAAA==");
        if (stored.etag() != null) {
            data.put("etag", stored.etag());
        }
        if (!stored.metadata().isEmpty()) {
            ObjectNode metadata = data.putObject("metadata");
            stored.metadata().forEach(metadata::put);
        }
        return RawJson.compact(root);
    }

    /**
     * Encodes a schedule tick as the CloudEvent a Cloud Scheduler job sends through Eventarc
     * ({@code google.cloud.scheduler.job.v1.executed}): the schedule name is the job, the tick's time the event's.
     *
     * @param tick the tick, as {@link Events#scheduleTick(String, java.time.Instant)} builds it; its id is the event id
     * @return the CloudEvent, structured mode
     */
    public static byte[] scheduler(Event<ScheduleTick> tick) {
        ObjectNode root = envelope(tick.id(), "//cloudscheduler.googleapis.com/projects/" + PROJECT
                + "/locations/us-central1/jobs/" + tick.data().scheduleName(), "google.cloud.scheduler.job.v1.executed",
                tick.data().scheduledTime().toString());
        root.putObject("data");
        return RawJson.compact(root);
    }

    /**
     * Encodes a document change as the Firestore CloudEvent Eventarc delivers in JSON
     * ({@code --event-data-content-type=application/json}): type {@code google.cloud.firestore.document.v1.created},
     * {@code updated} or {@code deleted} ({@code written} for an upsert), subject {@code documents/<collection>/<id>},
     * data a {@code DocumentEventData} whose {@code value} and {@code oldValue} hold the documents in Firestore's typed
     * values.
     *
     * @param change the change, as {@link Events#documentChange} builds it; its key's {@code id} names the document
     * @return the CloudEvent, structured mode
     * @throws IllegalArgumentException when the change's key has no {@code id}
     */
    public static byte[] firestore(Event<? extends DocumentChange<?>> change) {
        DocumentChange<?> document = change.data();
        Object id = document.key().get("id");
        if (id == null) {
            throw new IllegalArgumentException("a Firestore change needs the document id as its key's 'id', got key "
                    + document.key());
        }
        String kind = switch (document.kind()) {
            case CREATED -> "created";
            case UPDATED -> "updated";
            case DELETED -> "deleted";
            case UPSERTED -> "written";
        };
        String time = change.time().orElse(TIME).toString();
        String database = "projects/" + PROJECT + "/databases/(default)";
        String path = document.collection() + "/" + id;
        ObjectNode root = envelope(change.id(), "//firestore.googleapis.com/" + database,
                "google.cloud.firestore.document.v1." + kind, time);
        root.put("subject", "documents/" + path);
        ObjectNode data = root.putObject("data");
        String name = database + "/documents/" + path;
        data.set("value", document.after() == null ? RawJson.object() : FirestoreDocuments.document(name, document.after(), time));
        data.set("oldValue", document.before() == null ? RawJson.object()
                : FirestoreDocuments.document(name, document.before(), time));
        return RawJson.compact(root);
    }

    /**
     * Encodes a message as the legacy (1st gen) background event a Pub/Sub-triggered function receives:
     * {@code {"context": {eventId, timestamp, eventType: "google.pubsub.topic.publish", resource}, "data": PubsubMessage}}.
     *
     * @param topic   the topic name
     * @param message the message: its id the event id, its data base64-encoded, its attributes as they are
     * @return the legacy event JSON
     */
    public static byte[] legacyPubsub(String topic, Event<?> message) {
        ObjectNode root = RawJson.object();
        ObjectNode context = legacyContext(root, message.id(), message.time().orElse(TIME), "google.pubsub.topic.publish");
        context.putObject("resource").put("service", "pubsub.googleapis.com")
                .put("name", "projects/" + PROJECT + "/topics/" + topic)
                .put("type", "type.googleapis.com/google.pubsub.v1.PubsubMessage");
        ObjectNode data = root.putObject("data");
        data.put("@type", "type.googleapis.com/google.pubsub.v1.PubsubMessage");
        if (!message.attributes().isEmpty()) {
            ObjectNode attributes = data.putObject("attributes");
            message.attributes().forEach(attributes::put);
        }
        Object body = message.data();
        data.put("data", Base64.getEncoder().encodeToString(body instanceof byte[] bytes ? bytes : Events.bytesOf(body)));
        return RawJson.compact(root);
    }

    /**
     * Encodes a storage event as the legacy (1st gen) background event a Cloud Storage-triggered function receives:
     * {@code google.storage.object.finalize} (or {@code delete}, {@code archive}, {@code metadataUpdate}), resource
     * {@code projects/_/buckets/<bucket>/objects/<name>}, data the object's metadata.
     *
     * @param change the storage event, as {@link Events#storage(StorageObject)} builds it
     * @return the legacy event JSON
     */
    public static byte[] legacyStorage(Event<StorageObject> change) {
        StorageObject stored = change.data();
        String action = switch (stored.change()) {
            case DELETED -> "delete";
            case ARCHIVED -> "archive";
            case METADATA_UPDATED -> "metadataUpdate";
            default -> "finalize";
        };
        ObjectNode root = RawJson.object();
        ObjectNode context = legacyContext(root, change.id(), change.time().orElse(TIME), "google.storage.object." + action);
        context.putObject("resource").put("service", STORAGE_SERVICE)
                .put("name", "projects/_/buckets/" + stored.bucket() + "/objects/" + stored.key() + "#" + GENERATION)
                .put("type", "storage#object");
        ObjectNode cloudEvent = (ObjectNode) RawJson.tree(storage(change), "storage CloudEvent");
        root.set("data", cloudEvent.get("data"));
        return RawJson.compact(root);
    }

    private static ObjectNode legacyContext(ObjectNode root, String eventId, Instant time, String eventType) {
        ObjectNode context = root.putObject("context");
        context.put("eventId", eventId);
        context.put("timestamp", time.toString());
        context.put("eventType", eventType);
        return context;
    }

    /**
     * @param request the portable request
     * @return the HTTP/1.1 request bytes the Functions Framework receives for it (host {@code localhost:8080})
     */
    public static byte[] http(HttpRequest request) {
        return frameworkRequest(request).toBytes();
    }

    /** @return the request the Functions Framework would hand the function for a portable one (host localhost:8080) */
    static FakeHttpRequest frameworkRequest(HttpRequest request) {
        return FakeHttpRequest.builder(request.method(), RequestTargets.of(request)).headers(request.headers().asMap())
                .body(request.body()).build();
    }

    /**
     * Reads a structured-mode CloudEvent as the Functions Framework does: {@code data} (JSON kept as its JSON text, a
     * string as its UTF-8 bytes) or {@code data_base64}; every other attribute that is not a context attribute is an
     * extension.
     *
     * @param json a structured CloudEvent, such as {@link #pubsub(String)} returns
     * @return the event, for a {@code CloudEventsFunction}
     * @throws IllegalArgumentException naming the field when {@code id}, {@code source} or {@code type} is missing or
     *                                  a value is malformed
     */
    public static FakeCloudEvent cloudEvent(byte[] json) {
        return StructuredCloudEvents.read(json);
    }

    private static ObjectNode envelope(String id, String source, String type, String time) {
        ObjectNode root = RawJson.object();
        root.put("specversion", "1.0");
        root.put("id", id);
        root.put("source", source);
        root.put("type", type);
        root.put("time", time);
        root.put("datacontenttype", "application/json");
        return root;
    }

    private static String md5Base64(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
