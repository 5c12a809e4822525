package dev.portablefn.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.runtime.internal.json.JsonFields;
import java.util.Map;

/**
 * Converts a legacy (gen1) background event into its CloudEvent, following the Functions Framework's
 * documented mapping (the invoker's {@code GcfEvents}): the same id, type, source, subject, time and
 * data a gen2 function receives for the same occurrence, so both decode to the same portable event.
 */
final class LegacyEvents {

    private static final String PUBSUB_SERVICE = "pubsub.googleapis.com";
    private static final String STORAGE_SERVICE = "storage.googleapis.com";
    private static final String FIRESTORE_SERVICE = "firestore.googleapis.com";

    private enum Shape { PUBSUB, STORAGE, FIRESTORE }

    private record Mapping(String cloudEventType, String defaultService, Shape shape) {
    }

    private static final Map<String, Mapping> MAPPINGS = Map.ofEntries(
            Map.entry("google.pubsub.topic.publish", pubsub()),
            Map.entry("providers/cloud.pubsub/eventTypes/topic.publish", pubsub()),
            Map.entry("google.storage.object.finalize", storage("finalized")),
            Map.entry("google.storage.object.delete", storage("deleted")),
            Map.entry("google.storage.object.archive", storage("archived")),
            Map.entry("google.storage.object.metadataUpdate", storage("metadataUpdated")),
            Map.entry("providers/cloud.storage/eventTypes/object.change", storage("changed")),
            Map.entry("providers/cloud.firestore/eventTypes/document.create", firestore("created")),
            Map.entry("providers/cloud.firestore/eventTypes/document.update", firestore("updated")),
            Map.entry("providers/cloud.firestore/eventTypes/document.delete", firestore("deleted")),
            Map.entry("providers/cloud.firestore/eventTypes/document.write", firestore("written")));

    private LegacyEvents() {
    }

    private static Mapping pubsub() {
        return new Mapping(CloudEventDecoder.PUBSUB_PUBLISHED, PUBSUB_SERVICE, Shape.PUBSUB);
    }

    private static Mapping storage(String change) {
        return new Mapping(CloudEventDecoder.STORAGE_PREFIX + change, STORAGE_SERVICE, Shape.STORAGE);
    }

    private static Mapping firestore(String change) {
        return new Mapping(CloudEventDecoder.FIRESTORE_PREFIX + change, FIRESTORE_SERVICE, Shape.FIRESTORE);
    }

    /** @return whether a JSON object looks like a legacy event rather than a CloudEvent */
    static boolean isLegacy(JsonNode root) {
        return root.has("context") || root.has("eventType") || root.has("eventId");
    }

    /**
     * Reads the whole legacy envelope: either {@code {"context": {...}, "data": ...}} (GA) or the beta form
     * with {@code eventId}, {@code timestamp}, {@code eventType} and {@code resource} next to {@code data}.
     */
    static GcpCloudEvent read(JsonNode root) {
        JsonNode context = root.has("context") ? JsonFields.requiredObject(root, "context", "legacy event") : root;
        String where = "legacy event";
        return convert(root.get("data"), JsonFields.optionalText(context, "eventId", where),
                JsonFields.optionalText(context, "timestamp", where), JsonFields.optionalText(context, "eventType", where),
                context.get("resource"), root);
    }

    /**
     * Converts the parts a {@code RawBackgroundFunction} receives.
     *
     * @param data        the event data
     * @param eventId     the event id
     * @param timestamp   the RFC 3339 event time, or {@code null}
     * @param eventType   the legacy event type
     * @param resource    the resource: a name string or an object with {@code service}, {@code name}, {@code type}
     * @param nativeEvent what to expose through {@code Event.unwrap}
     * @return the CloudEvent the Functions Framework would have delivered for it
     */
    static GcpCloudEvent convert(JsonNode data, String eventId, String timestamp, String eventType, JsonNode resource,
                                 Object nativeEvent) {
        String where = "legacy event " + (eventId == null ? "" : eventId + " ") + "(" + eventType + ")";
        if (eventId == null || eventId.isEmpty()) {
            throw new EventDecodingException(where + ": 'eventId' is missing");
        }
        if (eventType == null || eventType.isEmpty()) {
            throw new EventDecodingException(where + ": 'eventType' is missing");
        }
        Mapping mapping = MAPPINGS.get(eventType);
        if (mapping == null) {
            throw new EventDecodingException(where + ": event type '" + JsonFields.abbreviate(eventType)
                    + "' is not supported; supported legacy types are " + new java.util.TreeSet<>(MAPPINGS.keySet())
                    + " (deploy other triggers as gen2 CloudEvent functions)");
        }
        if (data == null || !data.isObject()) {
            throw new EventDecodingException(where + ": 'data' must be an object, got "
                    + (data == null ? "nothing" : JsonFields.describe(data)));
        }
        String service = mapping.defaultService();
        String name;
        if (resource != null && resource.isObject()) {
            String declared = JsonFields.optionalText(resource, "service", where + " resource");
            if (declared != null && !declared.isEmpty()) {
                service = declared;
            }
            name = JsonFields.requiredNonEmptyText(resource, "name", where + " resource");
        } else if (resource != null && resource.isTextual() && !resource.textValue().isEmpty()) {
            name = resource.textValue();
        } else {
            throw new EventDecodingException(where + ": 'resource' is missing; it must be a resource name or an object"
                    + " with 'service' and 'name'");
        }
        String sourcePath = name;
        String subject = null;
        JsonNode cloudEventData = data;
        switch (mapping.shape()) {
            case PUBSUB -> {
                // The framework lifts the event id and timestamp into the message, as Pub/Sub's push format has them.
                ObjectNode message = ((ObjectNode) data).deepCopy();
                message.put("messageId", eventId);
                if (timestamp != null) {
                    message.put("publishTime", timestamp);
                } else {
                    message.putNull("publishTime");
                }
                ObjectNode wrapped = message.objectNode();
                wrapped.set("message", message);
                cloudEventData = wrapped;
            }
            case STORAGE -> {
                // "projects/_/buckets/B/objects/O#generation" -> source ".../buckets/B", subject "objects/O"
                int objects = name.indexOf("/objects/");
                if (name.startsWith("projects/_/buckets/") && objects > "projects/_/buckets/".length()
                        && name.indexOf('/', "projects/_/buckets/".length()) == objects) {
                    sourcePath = name.substring(0, objects);
                    subject = stripGeneration(name.substring(objects + 1));
                }
            }
            case FIRESTORE -> {
                // "projects/P/databases/D/documents/C/ID" -> source ".../databases/D", subject "documents/C/ID"
                int split = Math.max(name.lastIndexOf("/documents/"), name.lastIndexOf("/refs/"));
                if (name.startsWith("projects/") && split > "projects/".length()
                        && name.indexOf('/', split + 1) < name.length() - 1) {
                    sourcePath = name.substring(0, split);
                    subject = name.substring(split + 1);
                }
            }
        }
        return new GcpCloudEvent(eventId, "//" + service + "/" + sourcePath, mapping.cloudEventType(), subject,
                JsonFields.parseInstant(timestamp, "timestamp", where), "application/json", Map.of(), cloudEventData,
                null, nativeEvent);
    }

    private static String stripGeneration(String objectPath) {
        int hash = objectPath.lastIndexOf('#');
        if (hash < 0 || hash == objectPath.length() - 1) {
            return objectPath;
        }
        for (int i = hash + 1; i < objectPath.length(); i++) {
            char c = objectPath.charAt(i);
            if (c < '0' || c > '9') {
                return objectPath;
            }
        }
        return objectPath.substring(0, hash);
    }
}
