package dev.portablefn.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.runtime.internal.http.UrlDecoding;
import dev.portablefn.runtime.internal.json.JsonFields;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes Event Grid deliveries in both schemas: the Event Grid schema ({@code eventType}, {@code topic},
 * {@code eventTime}) and the CloudEvents 1.0 schema ({@code specversion}, {@code type}, {@code source}).
 * Blob Storage events become {@code STORAGE} events carrying a {@link StorageObject}; every other event
 * is a {@code TOPIC} event whose data is the JSON tree (or bytes, for CloudEvents {@code data_base64}).
 */
final class EventGridEvents {

    static final String BLOB_CREATED = "Microsoft.Storage.BlobCreated";
    static final String BLOB_DELETED = "Microsoft.Storage.BlobDeleted";
    private static final String BLOB_EVENT_PREFIX = "Microsoft.Storage.Blob";
    private static final String BLOBS_SUBJECT_PREFIX = "/blobServices/default/containers/";
    private static final Set<String> CLOUD_EVENT_CORE = Set.of("specversion", "id", "source", "type", "subject",
            "time", "datacontenttype", "dataschema", "data", "data_base64");

    private EventGridEvents() {
    }

    /** @return whether the node is an event in either schema */
    static boolean isEvent(JsonNode node) {
        return node != null && node.isObject() && (node.has("eventType") || node.has("specversion"));
    }

    /** Decodes one event or an array of events, as Event Grid delivers them to a webhook. */
    static List<Event<?>> decodeAll(JsonNode payload, String where) {
        if (payload != null && payload.isArray()) {
            if (payload.isEmpty()) {
                throw new EventDecodingException(where + " is an empty array; expected at least one event");
            }
            List<Event<?>> events = new ArrayList<>(payload.size());
            for (int i = 0; i < payload.size(); i++) {
                events.add(decode(payload.get(i), where + " event " + i));
            }
            return events;
        }
        return List.of(decode(payload, where));
    }

    static Event<?> decode(JsonNode event, String where) {
        JsonFields.requireObject(event, where);
        if (event.has("specversion")) {
            return cloudEvent(event, where + " (CloudEvents schema)");
        }
        if (event.has("eventType")) {
            return eventGridEvent(event, where + " (Event Grid schema)");
        }
        throw new EventDecodingException(where + " is neither an Event Grid event (no 'eventType') nor a CloudEvent"
                + " (no 'specversion')");
    }

    private static Event<?> eventGridEvent(JsonNode event, String where) {
        String id = JsonFields.requireNonEmpty(JsonFields.optionalScalarText(event, "id", where), "id", where);
        String type = JsonFields.requireNonEmpty(JsonFields.optionalScalarText(event, "eventType", where), "eventType", where);
        String topic = JsonFields.requireNonEmpty(JsonFields.optionalScalarText(event, "topic", where), "topic", where);
        String subject = JsonFields.optionalScalarText(event, "subject", where);
        Instant time = AzureTimestamps.optionalInstant(event, "eventTime", where);
        Event.Builder<Object> builder = Event.builder().id(id).type(type).source(topic).subject(subject).time(time)
                .attribute("dataVersion", JsonFields.optionalScalarText(event, "dataVersion", where))
                .attribute("metadataVersion", JsonFields.optionalScalarText(event, "metadataVersion", where))
                .nativeEvent(event);
        return finish(builder, type, subject, time, event.get("data"), null, "application/json", where);
    }

    private static Event<?> cloudEvent(JsonNode event, String where) {
        String specVersion = JsonFields.requireNonEmpty(JsonFields.optionalScalarText(event, "specversion", where), "specversion", where);
        if (!specVersion.startsWith("1.")) {
            throw new EventDecodingException(where + ": 'specversion' " + JsonFields.abbreviate(specVersion)
                    + " is not supported; expected 1.0");
        }
        String id = JsonFields.requireNonEmpty(JsonFields.optionalScalarText(event, "id", where), "id", where);
        String type = JsonFields.requireNonEmpty(JsonFields.optionalScalarText(event, "type", where), "type", where);
        String source = JsonFields.requireNonEmpty(JsonFields.optionalScalarText(event, "source", where), "source", where);
        String subject = JsonFields.optionalScalarText(event, "subject", where);
        Instant time = AzureTimestamps.optionalInstant(event, "time", where);
        Event.Builder<Object> builder = Event.builder().id(id).type(type).source(source).subject(subject).time(time)
                .attribute("dataschema", JsonFields.optionalScalarText(event, "dataschema", where))
                .nativeEvent(event);
        Iterator<Map.Entry<String, JsonNode>> fields = event.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!CLOUD_EVENT_CORE.contains(field.getKey()) && field.getValue().isValueNode() && !field.getValue().isNull()) {
                builder.attribute(field.getKey(), field.getValue().asText());
            }
        }
        byte[] binary = null;
        String base64 = JsonFields.optionalScalarText(event, "data_base64", where);
        if (base64 != null) {
            binary = JsonFields.base64(base64, "data_base64", where);
        }
        String contentType = JsonFields.optionalScalarText(event, "datacontenttype", where);
        return finish(builder, type, subject, time, event.get("data"), binary,
                contentType == null ? "application/json" : contentType, where);
    }

    private static Event<?> finish(Event.Builder<Object> builder, String type, String subject, Instant time,
                                   JsonNode data, byte[] binary, String contentType, String where) {
        if (type.startsWith(BLOB_EVENT_PREFIX)) {
            JsonNode blobData = binary == null ? data : null;
            return builder.trigger(Trigger.STORAGE)
                    .data(storageObject(type, subject, time, blobData, where))
                    .dataContentType("application/json")
                    .attribute("api", JsonFields.optionalScalarText(blobData, "api", where + " data"))
                    .attribute("blobType", JsonFields.optionalScalarText(blobData, "blobType", where + " data"))
                    .attribute("url", JsonFields.optionalScalarText(blobData, "url", where + " data"))
                    .attribute("sequencer", JsonFields.optionalScalarText(blobData, "sequencer", where + " data"))
                    .build();
        }
        Object payload = binary != null ? binary : (data == null || data.isNull() ? null : data);
        return builder.trigger(Trigger.TOPIC).data(payload).dataContentType(contentType).build();
    }

    private static StorageObject storageObject(String type, String subject, Instant time, JsonNode data, String where) {
        JsonNode blob = JsonFields.requireObject(data, where + ": 'data' of " + type);
        String url = JsonFields.optionalScalarText(blob, "url", where + " data");
        String[] location = containerAndBlob(subject, url, where);
        Long size = JsonFields.optionalLong(blob, "contentLength", where + " data");
        if (size != null && size < 0) {
            throw new EventDecodingException(where + " data: 'contentLength' must not be negative, got " + size);
        }
        StorageObject.Change change = switch (type) {
            case BLOB_CREATED -> StorageObject.Change.CREATED;
            case BLOB_DELETED -> StorageObject.Change.DELETED;
            case "Microsoft.Storage.BlobTierChanged" -> StorageObject.Change.ARCHIVED;
            default -> StorageObject.Change.OTHER;
        };
        return new StorageObject(location[0], location[1], size,
                JsonFields.optionalScalarText(blob, "contentType", where + " data"),
                JsonFields.optionalScalarText(blob, "eTag", where + " data"), change, time, Map.of());
    }

    /**
     * The subject {@code /blobServices/default/containers/<container>/blobs/<name>} carries the name
     * unencoded; the URL percent-encodes it, so it is the fallback.
     */
    private static String[] containerAndBlob(String subject, String url, String where) {
        if (subject != null && subject.startsWith(BLOBS_SUBJECT_PREFIX)) {
            String rest = subject.substring(BLOBS_SUBJECT_PREFIX.length());
            int blobs = rest.indexOf("/blobs/");
            if (blobs > 0 && blobs + 7 < rest.length()) {
                return new String[] {rest.substring(0, blobs), rest.substring(blobs + 7)};
            }
        }
        if (url != null) {
            String[] fromUrl = BlobPaths.fromUri(url);
            if (fromUrl != null) {
                return fromUrl;
            }
        }
        throw new EventDecodingException(where + ": neither 'subject' (" + JsonFields.abbreviate(subject)
                + ") nor 'data.url' (" + JsonFields.abbreviate(url) + ") names a container and blob");
    }

    /** Splits blob locations: {@code container/name} paths and blob URLs. */
    static final class BlobPaths {
        private BlobPaths() {
        }

        /** @return {container, name} or {@code null} when the path has no container and name */
        static String[] fromPath(String path) {
            if (path == null) {
                return null;
            }
            String trimmed = path.startsWith("/") ? path.substring(1) : path;
            int slash = trimmed.indexOf('/');
            if (slash <= 0 || slash == trimmed.length() - 1) {
                return null;
            }
            return new String[] {trimmed.substring(0, slash), trimmed.substring(slash + 1)};
        }

        /** @return {container, name} from {@code https://account.blob.core.windows.net/container/name}, or {@code null} */
        static String[] fromUri(String uri) {
            try {
                String rawPath = new URI(uri.trim()).getRawPath();
                String[] parts = fromPath(rawPath);
                if (parts == null) {
                    return null;
                }
                return new String[] {UrlDecoding.decodePath(parts[0]), UrlDecoding.decodePath(parts[1])};
            } catch (URISyntaxException e) {
                return null;
            }
        }
    }
}
