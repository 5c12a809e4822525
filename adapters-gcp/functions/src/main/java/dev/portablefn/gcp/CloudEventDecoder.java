package dev.portablefn.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.event.DocumentChange;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.runtime.internal.json.JsonFields;
import dev.portablefn.runtime.json.JacksonCodec;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a {@link GcpCloudEvent} into a portable {@link Event}: Pub/Sub messages as their bytes, Cloud
 * Storage events as {@link StorageObject}, Firestore events as {@link DocumentChange}, Cloud Scheduler
 * jobs as {@link ScheduleTick}, and anything else as a {@code CUSTOM} event with its data. A pure
 * function of its input.
 */
final class CloudEventDecoder {

    static final String PUBSUB_PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished";
    static final String STORAGE_PREFIX = "google.cloud.storage.object.v1.";
    static final String FIRESTORE_PREFIX = "google.cloud.firestore.document.v1.";
    static final String SCHEDULER_EXECUTED = "google.cloud.scheduler.job.v1.executed";

    /** Attribute carrying a Pub/Sub message's ordering key, when it has one. */
    static final String ORDERING_KEY = "orderingKey";
    /** Attribute carrying a Cloud Scheduler job's custom data (base64, as sent). */
    static final String SCHEDULER_CUSTOM_DATA = "customData";

    private final JacksonCodec codec;

    CloudEventDecoder(JacksonCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    Event<?> decode(GcpCloudEvent event) {
        requireContext(event);
        String type = event.type();
        if (type.equals(PUBSUB_PUBLISHED)) {
            return pubsub(event);
        }
        if (type.startsWith(STORAGE_PREFIX)) {
            return storage(event);
        }
        if (type.startsWith(FIRESTORE_PREFIX)) {
            return firestore(event);
        }
        if (type.equals(SCHEDULER_EXECUTED)) {
            return scheduler(event);
        }
        return custom(event);
    }

    private static void requireContext(GcpCloudEvent event) {
        String where = "CloudEvent";
        if (event.id() == null || event.id().isEmpty()) {
            throw new EventDecodingException(where + ": 'id' is missing");
        }
        if (event.source() == null || event.source().isEmpty()) {
            throw new EventDecodingException(where + " " + event.id() + ": 'source' is missing");
        }
        if (event.type() == null || event.type().isEmpty()) {
            throw new EventDecodingException(where + " " + event.id() + ": 'type' is missing");
        }
    }

    private static <T> Event.Builder<T> start(GcpCloudEvent event, Trigger trigger) {
        Event.Builder<T> builder = Event.builder();
        return builder.id(event.id()).source(event.source()).type(event.type()).subject(event.subject())
                .time(event.time()).attributes(event.extensions()).trigger(trigger).nativeEvent(event.nativeEvent());
    }

    private JsonNode objectData(GcpCloudEvent event) {
        JsonNode data = event.json(codec);
        if (!data.isObject()) {
            throw new EventDecodingException(event.describe() + ": 'data' must be an object, got "
                    + JsonFields.describe(data));
        }
        return data;
    }

    private Event<?> pubsub(GcpCloudEvent event) {
        PubSubEnvelope envelope = event.pubSubEnvelope(codec);
        String where = event.describe("Pub/Sub");
        Instant time = event.time() != null ? event.time()
                : JsonFields.parseInstant(envelope.publishTime(), "message.publishTime", where);
        // The CloudEvent's extensions (added by start), then the message's attributes over them, then the ordering key.
        Event.Builder<byte[]> builder = start(event, Trigger.TOPIC);
        builder.attributes(envelope.attributes());
        if (envelope.orderingKey() != null && !envelope.orderingKey().isEmpty()) {
            builder.attribute(ORDERING_KEY, envelope.orderingKey());
        }
        return builder.time(time).data(envelope.data()).deliveryAttempt(envelope.deliveryAttempt()).build();
    }

    private Event<?> storage(GcpCloudEvent event) {
        String where = event.describe("Cloud Storage");
        JsonNode data = objectData(event);
        String bucket = JsonFields.optionalText(data, "bucket", where);
        if (bucket == null || bucket.isEmpty()) {
            bucket = afterMarker(event.source(), "/buckets/");
        }
        String name = JsonFields.optionalText(data, "name", where);
        if ((name == null || name.isEmpty()) && event.subject() != null && event.subject().startsWith("objects/")) {
            name = event.subject().substring("objects/".length());
        }
        if (bucket == null || bucket.isEmpty()) {
            throw new EventDecodingException(where + ": 'bucket' is missing");
        }
        if (name == null || name.isEmpty()) {
            throw new EventDecodingException(where + ": 'name' is missing");
        }
        StorageObject object = new StorageObject(bucket, name, JsonFields.optionalLong(data, "size", where),
                JsonFields.optionalText(data, "contentType", where), JsonFields.optionalText(data, "etag", where),
                storageChange(event.type().substring(STORAGE_PREFIX.length())),
                JsonFields.optionalInstant(data, "updated", where), JsonFields.stringMap(data, "metadata", where));
        Event.Builder<StorageObject> builder = start(event, Trigger.STORAGE);
        return builder.data(object).build();
    }

    private static StorageObject.Change storageChange(String suffix) {
        return switch (suffix) {
            case "finalized" -> StorageObject.Change.CREATED;
            case "deleted" -> StorageObject.Change.DELETED;
            case "archived" -> StorageObject.Change.ARCHIVED;
            case "metadataUpdated" -> StorageObject.Change.METADATA_UPDATED;
            default -> StorageObject.Change.OTHER;
        };
    }

    private Event<?> firestore(GcpCloudEvent event) {
        String where = event.describe("Firestore");
        String contentType = event.dataContentType() == null ? "" : event.dataContentType().toLowerCase(Locale.ROOT);
        if (contentType.contains("protobuf") || (event.binaryData() != null && !event.isJson())) {
            throw new EventDecodingException(where + " is encoded as " + event.dataContentType()
                    + "; portablefn reads Firestore events in JSON: create the trigger with"
                    + " --event-data-content-type=application/json (gcloud eventarc triggers create / gcloud functions"
                    + " deploy --trigger-event-filters)");
        }
        JsonNode data = objectData(event);
        JsonNode value = nonEmpty(JsonFields.optionalObject(data, "value", where));
        JsonNode oldValue = nonEmpty(JsonFields.optionalObject(data, "oldValue", where));
        JsonNode after = value == null ? null : FirestoreValues.fields(value, where + " value");
        JsonNode before = oldValue == null ? null : FirestoreValues.fields(oldValue, where + " oldValue");
        String name = value != null ? JsonFields.optionalText(value, "name", where + " value") : null;
        if (name == null && oldValue != null) {
            name = JsonFields.optionalText(oldValue, "name", where + " oldValue");
        }
        String path = name == null ? null : afterMarker(name, "/documents/");
        if (path == null && event.subject() != null && event.subject().startsWith("documents/")) {
            path = event.subject().substring("documents/".length());
        }
        int slash = path == null ? -1 : path.lastIndexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            throw new EventDecodingException(where + ": cannot tell which document changed; neither 'value.name',"
                    + " 'oldValue.name' nor the subject is a document path like documents/users/alice");
        }
        DocumentChange.Kind kind = switch (event.type().substring(FIRESTORE_PREFIX.length())) {
            case "created", "created.withAuthContext" -> DocumentChange.Kind.CREATED;
            case "updated", "updated.withAuthContext" -> DocumentChange.Kind.UPDATED;
            case "deleted", "deleted.withAuthContext" -> DocumentChange.Kind.DELETED;
            default -> before == null ? DocumentChange.Kind.CREATED
                    : after == null ? DocumentChange.Kind.DELETED : DocumentChange.Kind.UPDATED;
        };
        DocumentChange<JsonNode> change = new DocumentChange<>(path.substring(0, slash),
                Map.of("id", path.substring(slash + 1)), before, after, kind);
        Event.Builder<DocumentChange<JsonNode>> builder = start(event, Trigger.DATABASE);
        return builder.data(change).build();
    }

    private static JsonNode nonEmpty(JsonNode document) {
        // Firestore sends "oldValue": {} for a creation and "value": {} for a deletion.
        return document == null || document.isEmpty() ? null : document;
    }

    private Event<?> scheduler(GcpCloudEvent event) {
        String where = event.describe("Cloud Scheduler");
        if (event.time() == null) {
            throw new EventDecodingException(where + ": 'time' is missing; it is when the job was scheduled to run");
        }
        String customData = null;
        if (event.hasData()) {
            JsonNode data = objectData(event);
            customData = JsonFields.optionalText(data, "customData", where);
        }
        String job = afterMarker(event.source(), "/jobs/");
        Event.Builder<ScheduleTick> builder = start(event, Trigger.SCHEDULE);
        return builder.data(new ScheduleTick(event.time(), job != null ? job : event.source()))
                .attribute(SCHEDULER_CUSTOM_DATA, customData).build();
    }

    private Event<?> custom(GcpCloudEvent event) {
        Object data = null;
        if (event.jsonData() != null) {
            data = event.jsonData();
        } else if (event.binaryData() != null) {
            data = event.isJson() && event.dataContentType() != null ? event.json(codec) : event.binaryData();
        }
        Event.Builder<Object> builder = start(event, Trigger.CUSTOM);
        return builder.dataContentType(event.dataContentType()).data(data).build();
    }

    /** @return the segment after {@code marker} (for documents: the whole path after it), or {@code null} */
    private static String afterMarker(String value, String marker) {
        if (value == null) {
            return null;
        }
        // Document paths may contain "documents" again (a collection of that name); the first marker is the root.
        int at = marker.equals("/documents/") ? value.indexOf(marker) : value.lastIndexOf(marker);
        if (at < 0) {
            return null;
        }
        String rest = value.substring(at + marker.length());
        if (marker.equals("/documents/")) {
            return rest.isEmpty() ? null : rest;
        }
        int slash = rest.indexOf('/');
        String segment = slash < 0 ? rest : rest.substring(0, slash);
        return segment.isEmpty() ? null : segment;
    }
}
