package dev.portablefn.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.event.DocumentChange;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.runtime.internal.json.JsonFields;
import dev.portablefn.runtime.internal.outbound.MessageEnvelope;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds portable events from what the Azure host sends for each non-HTTP trigger. Both the Java
 * worker delegations and the custom-handler decoder call these, so each trigger is decoded in one place.
 * Pure functions: no clock, no I/O.
 */
final class AzureTriggers {

    static final String QUEUE_TYPE = "azure.storage.queue.message";
    static final String SERVICE_BUS_TYPE = "azure.servicebus.message";
    static final String BLOB_TYPE = "azure.storage.blob.trigger";
    static final String TIMER_TYPE = "azure.functions.timer";
    static final String EVENT_HUBS_TYPE = "azure.eventhubs.event";
    static final String COSMOS_TYPE = "azure.cosmosdb.change";

    private AzureTriggers() {
    }

    /** Where an event came from when the host does not name the source: the function that received it. */
    static String functionSource(String functionName, String binding) {
        String[] last = lastSource;
        if (last[0].equals(functionName) && last[1].equals(binding)) {
            return last[2];   // one app serves few functions: the source is the same on every message
        }
        String source = "azure://functions/" + (functionName == null || functionName.isEmpty() ? "unknown" : functionName)
                + "/" + binding;
        if (functionName != null) {
            lastSource = new String[] {functionName, binding, source};
        }
        return source;
    }

    private static volatile String[] lastSource = {"", "", ""};

    /** Delivery counts as attribute text; the first few are by far the most common. */
    private static final String[] SMALL_COUNTS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

    private static String count(Long count) {
        if (count == null) {
            return null;
        }
        return count >= 0 && count < SMALL_COUNTS.length ? SMALL_COUNTS[count.intValue()] : count.toString();
    }

    static Event<?> queueMessage(String body, String id, Long dequeueCount, Instant insertionTime, String functionName,
                                 Object nativeEvent) {
        String where = "Queue Storage message";
        requireId(id, where, "Id");
        // A Storage queue message has no attributes, so a portablefn publisher sends them in an envelope with the body.
        MessageEnvelope.Opened envelope = MessageEnvelope.open(body, () -> where + " " + id).orElse(null);
        Event.Builder<Object> builder = Event.builder().id(id).type(QUEUE_TYPE).source(functionSource(functionName, "queue"))
                .trigger(Trigger.QUEUE).time(insertionTime);
        if (envelope == null) {
            builder.data(body);
        } else {
            builder.data(envelope.body()).attributes(envelope.attributes());
        }
        return builder.deliveryAttempt(attempt(dequeueCount, where, "DequeueCount"))
                .attribute("dequeueCount", count(dequeueCount))
                .nativeEvent(nativeEvent).build();
    }

    static Event<?> serviceBusMessage(String body, String messageId, Long deliveryCount, Instant enqueuedTime,
                                      Map<String, String> applicationProperties, Trigger trigger, String functionName,
                                      Object nativeEvent) {
        String where = "Service Bus message";
        requireId(messageId, where, "MessageId");
        return Event.builder().id(messageId).type(SERVICE_BUS_TYPE)
                .source(functionSource(functionName, trigger == Trigger.TOPIC ? "servicebus-topic" : "servicebus-queue"))
                .trigger(trigger).time(enqueuedTime).data(body)
                .attributes(applicationProperties)
                .deliveryAttempt(attempt(deliveryCount, where, "DeliveryCount"))
                .attribute("deliveryCount", count(deliveryCount))
                .nativeEvent(nativeEvent).build();
    }

    /**
     * A Blob trigger invocation: the data is the {@link StorageObject}; the content the host already read
     * is the native event ({@code event.unwrap(byte[].class)}).
     */
    static Event<?> blob(byte[] content, String blobPath, String uri, JsonNode properties, JsonNode metadata,
                         String functionName) {
        String where = "Blob trigger";
        String[] location = EventGridEvents.BlobPaths.fromPath(blobPath);
        if (location == null && uri != null) {
            location = EventGridEvents.BlobPaths.fromUri(uri);
        }
        if (location == null) {
            throw new EventDecodingException(where + ": neither 'BlobTrigger' (" + JsonFields.abbreviate(blobPath)
                    + ") nor 'Uri' (" + JsonFields.abbreviate(uri) + ") names a container and blob");
        }
        if (properties != null && !properties.isNull() && !properties.isObject()) {
            throw new EventDecodingException(where + ": 'Properties' must be a JSON object, got " + JsonFields.describe(properties));
        }
        Long size = JsonFields.optionalLong(properties, "Length", where + " Properties");
        if (size == null && content != null) {
            size = (long) content.length;
        }
        String etag = JsonFields.optionalScalarText(properties, "ETag", where + " Properties");
        Instant modified = AzureTimestamps.optionalInstant(properties, "LastModified", where + " Properties");
        StorageObject object = new StorageObject(location[0], location[1], size,
                JsonFields.optionalScalarText(properties, "ContentType", where + " Properties"), etag,
                StorageObject.Change.CREATED, modified, HostJson.attributes(metadata, where + " 'Metadata'"));
        String id = location[0] + "/" + location[1] + (etag == null ? "" : "@" + etag);
        return Event.builder().id(id).type(BLOB_TYPE).source(location[0]).subject(location[1])
                .trigger(Trigger.STORAGE).time(modified).data(object).attribute("uri", uri)
                .nativeEvent(content == null ? new byte[0] : content).build();
    }

    /**
     * A Timer tick. The {@code TimerInfo} the host passes holds the schedule status recorded before this
     * tick, so {@code ScheduleStatus.Next} is the occurrence now firing; without a status (first run, or
     * {@code useMonitor = false}) the invocation time stands in.
     */
    static Event<?> timer(JsonNode timerInfo, Instant invokedAt, String functionName) {
        String where = "Timer trigger TimerInfo";
        JsonFields.requireObject(timerInfo, where);
        JsonNode status = timerInfo.get("ScheduleStatus");
        if (status != null && !status.isNull() && !status.isObject()) {
            throw new EventDecodingException(where + ": 'ScheduleStatus' must be a JSON object, got " + JsonFields.describe(status));
        }
        Instant next = AzureTimestamps.optionalInstant(status, "Next", where + " ScheduleStatus");
        Instant last = AzureTimestamps.optionalInstant(status, "Last", where + " ScheduleStatus");
        Boolean pastDue = JsonFields.optionalBoolean(timerInfo, "IsPastDue", where);
        Instant scheduled = next != null ? next : invokedAt;
        if (scheduled == null) {
            throw new EventDecodingException(where + " has no 'ScheduleStatus.Next' and the invocation time is unknown");
        }
        String name = functionName == null || functionName.isEmpty() ? "timer" : functionName;
        return Event.builder().id(name + "@" + scheduled).type(TIMER_TYPE).source(functionSource(functionName, "timer"))
                .trigger(Trigger.SCHEDULE).time(scheduled).data(new ScheduleTick(scheduled, name))
                .attribute("pastDue", Boolean.toString(Boolean.TRUE.equals(pastDue)))
                .attribute("lastScheduled", last == null ? null : last.toString())
                .nativeEvent(timerInfo).build();
    }

    /**
     * An Event Hubs batch ({@code cardinality = MANY}), in partition order.
     *
     * @param systemProperties the {@code SystemPropertiesArray} metadata, one object per event, or {@code null}
     * @param properties       the {@code PropertiesArray} metadata (application properties), or {@code null}
     */
    static List<Event<?>> eventHubs(List<String> bodies, JsonNode partitionContext, JsonNode systemProperties,
                                    JsonNode properties, String functionName, String invocationId) {
        String where = "Event Hubs batch";
        checkParallel(systemProperties, bodies.size(), where, "SystemPropertiesArray");
        checkParallel(properties, bodies.size(), where, "PropertiesArray");
        if (partitionContext != null && !partitionContext.isNull() && !partitionContext.isObject()) {
            throw new EventDecodingException(where + ": 'PartitionContext' must be a JSON object, got "
                    + JsonFields.describe(partitionContext));
        }
        String namespace = JsonFields.optionalScalarText(partitionContext, "FullyQualifiedNamespace", where + " PartitionContext");
        String hub = JsonFields.optionalScalarText(partitionContext, "EventHubName", where + " PartitionContext");
        String partitionId = JsonFields.optionalScalarText(partitionContext, "PartitionId", where + " PartitionContext");
        String consumerGroup = JsonFields.optionalScalarText(partitionContext, "ConsumerGroup", where + " PartitionContext");
        String source = hub == null ? functionSource(functionName, "eventhub")
                : "sb://" + (namespace == null ? "" : namespace) + "/" + hub;
        List<Event<?>> events = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            String record = where + " event " + i;
            JsonNode system = systemProperties == null || systemProperties.isNull() ? null : systemProperties.get(i);
            if (system != null && !system.isNull() && !system.isObject()) {
                throw new EventDecodingException(record + ": 'SystemPropertiesArray[" + i + "]' must be a JSON object, got "
                        + JsonFields.describe(system));
            }
            Long sequence = first(JsonFields.optionalLong(system, "SequenceNumber", record),
                    JsonFields.optionalLong(system, "x-opt-sequence-number", record));
            String offset = first(JsonFields.optionalScalarText(system, "Offset", record),
                    JsonFields.optionalScalarText(system, "x-opt-offset", record));
            String partitionKey = first(JsonFields.optionalScalarText(system, "PartitionKey", record),
                    JsonFields.optionalScalarText(system, "x-opt-partition-key", record));
            Instant enqueued = first(AzureTimestamps.optionalInstant(system, "EnqueuedTimeUtc", record),
                    AzureTimestamps.optionalInstant(system, "x-opt-enqueued-time", record));
            String id = sequence != null ? (partitionId == null ? "" : partitionId + ":") + sequence
                    : (invocationId == null ? "unknown" : invocationId) + "#" + i;
            Event.Builder<Object> builder = Event.builder().id(id).type(EVENT_HUBS_TYPE).source(source)
                    .trigger(Trigger.STREAM).time(enqueued).data(bodies.get(i))
                    .subject(partitionKey);
            if (properties != null && !properties.isNull()) {
                builder.attributes(HostJson.attributes(properties.get(i), record + " 'PropertiesArray[" + i + "]'"));
            }
            events.add(builder.attribute("partitionId", partitionId)
                    .attribute("consumerGroup", consumerGroup)
                    .attribute("partitionKey", partitionKey)
                    .attribute("offset", offset)
                    .attribute("sequenceNumber", sequence == null ? null : sequence.toString())
                    .attribute("batchIndex", Integer.toString(i))
                    .nativeEvent(system)
                    .build());
        }
        return events;
    }

    /**
     * A Cosmos DB change-feed batch. The change feed carries only the latest version of each document,
     * so every change is {@link DocumentChange.Kind#UPSERTED} with {@code after} set.
     */
    static List<Event<?>> cosmosChanges(JsonNode documents, String container, String functionName) {
        String where = "Cosmos DB change feed";
        if (documents == null || !documents.isArray()) {
            throw new EventDecodingException(where + ": documents must be a JSON array, got " + JsonFields.describe(documents));
        }
        if (container == null || container.isEmpty()) {
            throw new EventDecodingException(where + ": the container name is missing; pass the trigger's containerName");
        }
        List<Event<?>> events = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            String record = where + " document " + i;
            JsonNode document = JsonFields.requireObject(documents.get(i), record);
            String id = JsonFields.requireNonEmpty(JsonFields.optionalScalarText(document, "id", record), "id", record);
            String version = first(JsonFields.optionalScalarText(document, "_lsn", record),
                    JsonFields.optionalScalarText(document, "_etag", record));
            Long ts = JsonFields.optionalLong(document, "_ts", record);
            Instant time;
            try {
                time = ts == null ? null : Instant.ofEpochSecond(ts);
            } catch (DateTimeException e) {
                throw new EventDecodingException(record + ": '_ts' " + ts + " is not a valid epoch second", e);
            }
            DocumentChange<JsonNode> change = new DocumentChange<>(container, Map.of("id", id), null, document,
                    DocumentChange.Kind.UPSERTED);
            events.add(Event.builder().id(id + (version == null ? "" : "@" + version)).type(COSMOS_TYPE)
                    .source("cosmosdb://" + container).subject(id).trigger(Trigger.DATABASE).time(time)
                    .data(change).attribute("batchIndex", Integer.toString(i))
                    .attribute("functionName", functionName).nativeEvent(document).build());
        }
        return events;
    }

    private static void requireId(String id, String where, String field) {
        if (id == null || id.isBlank()) {
            throw new EventDecodingException(where + ": '" + field + "' is missing or empty; bind it with @BindingName(\""
                    + field + "\")");
        }
    }

    private static Integer attempt(Long count, String where, String field) {
        if (count == null) {
            return null;
        }
        if (count < 1 || count > Integer.MAX_VALUE) {
            throw new EventDecodingException(where + ": '" + field + "' must be at least 1, got " + count);
        }
        return count.intValue();
    }

    private static void checkParallel(JsonNode array, int size, String where, String field) {
        if (array == null || array.isNull()) {
            return;
        }
        if (!array.isArray()) {
            throw new EventDecodingException(where + ": '" + field + "' must be a JSON array, got " + JsonFields.describe(array));
        }
        if (array.size() != size) {
            throw new EventDecodingException(where + ": '" + field + "' has " + array.size() + " entries for " + size
                    + " events; the host sends one per event");
        }
    }

    private static <T> T first(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
