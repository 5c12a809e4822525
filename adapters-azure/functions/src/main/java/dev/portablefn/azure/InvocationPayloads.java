package dev.portablefn.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.batch.Ordering;
import dev.portablefn.runtime.internal.Decoded;
import dev.portablefn.runtime.internal.json.JsonFields;
import dev.portablefn.runtime.json.JacksonCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Decodes the Functions host's custom-handler invocation payload, {@code {"Data": {...}, "Metadata": {...}}}.
 * {@code Data} is keyed by the user's binding names, so the trigger is recognised by its shape and its
 * metadata: an HTTP request object ({@code Url}, {@code Method}), {@code DeliveryCount} (Service Bus),
 * {@code DequeueCount} (Queue Storage), {@code PartitionContext} (Event Hubs), {@code BlobTrigger} (Blob),
 * a {@code TimerInfo} ({@code ScheduleStatus}/{@code IsPastDue}), an Event Grid event, or an array of
 * documents (Cosmos DB).
 */
final class InvocationPayloads {

    private static final String WHERE = "Azure invocation payload";

    private InvocationPayloads() {
    }

    static boolean isInvocation(JsonNode root) {
        return root != null && root.isObject() && root.has("Data");
    }

    static Decoded decode(JsonNode root, JacksonCodec codec, String routePrefix) {
        JsonNode data = JsonFields.requireObject(root.get("Data"), WHERE + " 'Data'");
        if (data.isEmpty()) {
            throw new EventDecodingException(WHERE + ": 'Data' is empty; expected the trigger's binding");
        }
        JsonNode metadata = root.get("Metadata");
        if (metadata == null || metadata.isNull()) {
            metadata = codec.mapper().createObjectNode();
        }
        JsonFields.requireObject(metadata, WHERE + " 'Metadata'");
        JsonNode sys = metadata.get("sys");
        if (sys != null && !sys.isNull()) {
            JsonFields.requireObject(sys, WHERE + " 'Metadata.sys'");
        }
        String functionName = JsonFields.optionalScalarText(sys, "MethodName", WHERE + " 'Metadata.sys'");
        Instant utcNow = AzureTimestamps.optionalInstant(sys, "UtcNow", WHERE + " 'Metadata.sys'");
        String invocationId = JsonFields.optionalScalarText(sys, "RandGuid", WHERE + " 'Metadata.sys'");

        Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
        Map.Entry<String, JsonNode> trigger = fields.next();
        String binding = WHERE + " 'Data." + trigger.getKey() + "'";
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) data::fields) {
            JsonNode value = entry.getValue();
            if (value.isObject() && value.has("Method") && value.has("Url")) {
                return new Decoded.Http(AzureHttp.fromCustomHandler(normaliseHttp(codec, value, binding), routePrefix,
                        WHERE + " 'Data." + entry.getKey() + "'"));
            }
        }
        JsonNode value = trigger.getValue();
        if (metadata.has("DeliveryCount") || metadata.has("MessageId")) {
            return single(serviceBus(codec, value, metadata, functionName));
        }
        if (metadata.has("DequeueCount")) {
            return single(AzureTriggers.queueMessage(HostJson.bodyText(value),
                    JsonFields.optionalScalarText(metadata, "Id", WHERE + " 'Metadata'"),
                    JsonFields.optionalLong(metadata, "DequeueCount", WHERE + " 'Metadata'"),
                    AzureTimestamps.optionalInstant(metadata, "InsertionTime", WHERE + " 'Metadata'"), functionName, root));
        }
        if (metadata.has("PartitionContext")) {
            return new Decoded.Events(eventHubs(codec, value, metadata, functionName, invocationId), Ordering.ORDERED, true);
        }
        if (metadata.has("BlobTrigger")) {
            return single(AzureTriggers.blob(HostJson.bodyBytes(value),
                    JsonFields.optionalScalarText(metadata, "BlobTrigger", WHERE + " 'Metadata'"),
                    JsonFields.optionalScalarText(metadata, "Uri", WHERE + " 'Metadata'"),
                    HostJson.structured(codec, metadata.get("Properties"), WHERE + " 'Metadata.Properties'"),
                    HostJson.structured(codec, metadata.get("Metadata"), WHERE + " 'Metadata.Metadata'"),
                    functionName));
        }
        JsonNode structured = HostJson.structured(codec, value, binding);
        if (structured != null && structured.isObject() && (structured.has("ScheduleStatus") || structured.has("IsPastDue"))) {
            return single(AzureTriggers.timer(structured, utcNow, functionName));
        }
        if (EventGridEvents.isEvent(structured) || (structured != null && structured.isArray() && !structured.isEmpty()
                && EventGridEvents.isEvent(structured.get(0)))) {
            List<Event<?>> events = EventGridEvents.decodeAll(structured, binding);
            return new Decoded.Events(events, Ordering.UNORDERED, structured.isArray());
        }
        if (structured != null && structured.isArray()) {
            if (structured.isEmpty()) {
                throw new EventDecodingException(binding + " is an empty array; expected at least one Cosmos DB document");
            }
            String container = functionName == null ? "unknown-container" : functionName;
            return new Decoded.Events(AzureTriggers.cosmosChanges(structured, container, functionName), Ordering.ORDERED, true);
        }
        throw new EventDecodingException(WHERE + ": cannot tell the trigger of 'Data." + trigger.getKey() + "' ("
                + JsonFields.describe(value) + "); expected an HTTP request, a queue, Service Bus, Event Hubs or blob message"
                + " with its metadata, a TimerInfo, an Event Grid event or an array of Cosmos DB documents");
    }

    private static Decoded single(Event<?> event) {
        return new Decoded.Events(List.of(event), Ordering.UNORDERED, false);
    }

    /** Custom handlers may send {@code Query} and {@code Headers} as JSON text; parse them in place. */
    private static JsonNode normaliseHttp(JacksonCodec codec, JsonNode request, String where) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = request.deepCopy();
        for (String field : new String[] {"Query", "Headers"}) {
            JsonNode value = copy.get(field);
            if (value != null && value.isTextual()) {
                copy.set(field, HostJson.structured(codec, value, where + " '" + field + "'"));
            }
        }
        return copy;
    }

    private static Event<?> serviceBus(JacksonCodec codec, JsonNode value, JsonNode metadata, String functionName) {
        String where = WHERE + " 'Metadata'";
        JsonNode properties = metadata.has("ApplicationProperties") ? metadata.get("ApplicationProperties")
                : metadata.get("UserProperties");
        properties = HostJson.structured(codec, properties, where + " 'ApplicationProperties'");
        Map<String, String> attributes = HostJson.attributes(properties, where + " 'ApplicationProperties'");
        return AzureTriggers.serviceBusMessage(HostJson.bodyText(value),
                JsonFields.optionalScalarText(metadata, "MessageId", where),
                JsonFields.optionalLong(metadata, "DeliveryCount", where),
                AzureTimestamps.optionalInstant(metadata, "EnqueuedTimeUtc", where),
                attributes, Trigger.QUEUE, functionName, metadata);
    }

    private static List<Event<?>> eventHubs(JacksonCodec codec, JsonNode value, JsonNode metadata, String functionName,
                                            String invocationId) {
        String where = WHERE + " 'Metadata'";
        JsonNode partitionContext = HostJson.structured(codec, metadata.get("PartitionContext"), where + " 'PartitionContext'");
        JsonNode systemArray = HostJson.structured(codec, metadata.get("SystemPropertiesArray"), where + " 'SystemPropertiesArray'");
        JsonNode propertiesArray = HostJson.structured(codec, metadata.get("PropertiesArray"), where + " 'PropertiesArray'");
        List<String> bodies = new ArrayList<>();
        if (systemArray != null && !systemArray.isNull()) {
            JsonNode messages = HostJson.structured(codec, value, WHERE + " Event Hubs messages");
            if (messages == null || !messages.isArray()) {
                throw new EventDecodingException(WHERE + ": Event Hubs messages must be an array when 'SystemPropertiesArray'"
                        + " is present (cardinality = MANY), got " + JsonFields.describe(messages));
            }
            if (messages.isEmpty()) {
                throw new EventDecodingException(WHERE + ": the Event Hubs batch holds no messages");
            }
            for (JsonNode message : messages) {
                bodies.add(HostJson.bodyText(message));
            }
            return AzureTriggers.eventHubs(bodies, partitionContext, systemArray, propertiesArray, functionName, invocationId);
        }
        // cardinality = ONE: the event's system properties sit in 'SystemProperties' or directly in Metadata.
        JsonNode system = HostJson.structured(codec, metadata.get("SystemProperties"), where + " 'SystemProperties'");
        JsonNode properties = HostJson.structured(codec, metadata.get("Properties"), where + " 'Properties'");
        bodies.add(HostJson.bodyText(value));
        com.fasterxml.jackson.databind.node.ArrayNode systems = codec.mapper().createArrayNode()
                .add(system == null || system.isNull() ? metadata : system);
        com.fasterxml.jackson.databind.node.ArrayNode props = properties == null || properties.isNull() ? null
                : codec.mapper().createArrayNode().add(properties);
        return AzureTriggers.eventHubs(bodies, partitionContext, systems, props, functionName, invocationId);
    }
}
