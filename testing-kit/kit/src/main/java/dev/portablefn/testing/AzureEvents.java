package dev.portablefn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.event.DocumentChange;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.doubles.azure.FakeHttpRequestMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds Azure Functions payloads: the Functions host's invocation payload
 * ({@code {"Data": {...}, "Metadata": {...}}}, the shape it sends custom handlers, documented under
 * "Azure Functions custom handlers") for Queue Storage, Service Bus, Timer, Event Hubs and HTTP triggers, and
 * Event Grid events in the
 * Event Grid schema (as documented in "Azure Event Grid event schema" and "Blob storage as an Event Grid
 * source"). Function {@code test-function}, times at {@link TestClock#DEFAULT_START}. Hand them to
 * {@link FunctionTester#invoke(byte[])}, which calls the matching {@code AzureFunctions} delegation.
 */
public final class AzureEvents {

    private static final Instant TIME = TestClock.DEFAULT_START;
    private static final String STORAGE_ACCOUNT = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/test"
            + "/providers/Microsoft.Storage/storageAccounts/teststorage";

    private AzureEvents() {
    }

    /**
     * @param message the message text
     * @return a Queue Storage trigger invocation, message id {@code message-1}, first dequeue
     */
    public static byte[] queue(String message) {
        return queue(AwsEvents.messageId(0), message, 1);
    }

    /**
     * @param id           the queue message id
     * @param message      the message text (the host has base64-decoded it)
     * @param dequeueCount the delivery attempt, from 1
     * @return a Queue Storage trigger invocation with the host's queue metadata
     */
    public static byte[] queue(String id, String message, int dequeueCount) {
        if (dequeueCount < 1) {
            throw new IllegalArgumentException("dequeueCount starts at 1, got " + dequeueCount);
        }
        return queue(Event.<String>builder().id(id).source("test-queue").type("azure.queue").trigger(Trigger.QUEUE)
                .time(TIME).data(message).deliveryAttempt(dequeueCount).build());
    }

    /**
     * Encodes a portable message as the host's Queue Storage trigger invocation: its id is the {@code Id}, its
     * delivery attempt the {@code DequeueCount}, its time the {@code InsertionTime}, its data the message text.
     * Queue Storage messages have no attributes.
     *
     * @param message the message
     * @return the invocation payload
     */
    public static byte[] queue(Event<?> message) {
        Instant inserted = message.time().orElse(TIME);
        ObjectNode root = RawJson.object();
        root.putObject("Data").put("message", AwsEvents.text(message.data()));
        ObjectNode metadata = root.putObject("Metadata");
        metadata.put("DequeueCount", message.deliveryAttempt().orElse(1));
        metadata.put("ExpirationTime", inserted.plus(Duration.ofDays(7)).toString());
        metadata.put("Id", message.id());
        metadata.put("InsertionTime", inserted.toString());
        metadata.put("NextVisibleTime", inserted.plus(Duration.ofMinutes(10)).toString());
        metadata.put("PopReceipt", "AgAAAAMAAAAAAAAA" + Integer.toHexString(message.id().hashCode()));
        sys(metadata);
        return RawJson.compact(root);
    }

    /**
     * Encodes a portable message as the host's Service Bus trigger invocation: its id is the {@code MessageId}, its
     * delivery attempt the {@code DeliveryCount}, its time the {@code EnqueuedTimeUtc}, its attributes the
     * {@code ApplicationProperties}, its data the message body as text.
     *
     * @param message the message
     * @return the invocation payload
     */
    public static byte[] serviceBus(Event<?> message) {
        ObjectNode root = RawJson.object();
        root.putObject("Data").put("message", AwsEvents.text(message.data()));
        ObjectNode metadata = root.putObject("Metadata");
        metadata.put("MessageId", message.id());
        metadata.put("DeliveryCount", message.deliveryAttempt().orElse(1));
        metadata.put("EnqueuedTimeUtc", message.time().orElse(TIME).toString());
        ObjectNode properties = metadata.putObject("ApplicationProperties");
        message.attributes().forEach(properties::put);
        sys(metadata);
        return RawJson.compact(root);
    }

    /**
     * Encodes a portable storage event as the Event Grid event Blob Storage sends: {@code Microsoft.Storage.BlobCreated}
     * (with content type, length and ETag) or {@code Microsoft.Storage.BlobDeleted}; the event's id as the Event Grid id.
     *
     * @param change the storage event, as {@link Events#storage(StorageObject)} builds it
     * @return one Event Grid event in the Event Grid schema
     */
    public static byte[] blob(Event<StorageObject> change) {
        StorageObject stored = change.data();
        boolean deleted = stored.change() == StorageObject.Change.DELETED;
        ObjectNode root = eventGridEvent(deleted ? "Microsoft.Storage.BlobDeleted" : "Microsoft.Storage.BlobCreated",
                "/blobServices/default/containers/" + stored.bucket() + "/blobs/" + stored.key(), STORAGE_ACCOUNT);
        root.put("id", change.id());
        root.put("eventTime", change.time().orElse(TIME).toString());
        ObjectNode data = root.putObject("data");
        data.put("api", deleted ? "DeleteBlob" : "PutBlob");
        data.put("requestId", "831e1650-001e-001b-66ab-eeb76e000000");
        if (stored.etag() != null) {
            data.put("eTag", stored.etag());
        }
        if (stored.contentType() != null) {
            data.put("contentType", stored.contentType());
        }
        if (stored.size() != null) {
            data.put("contentLength", stored.size());
        }
        data.put("blobType", "BlockBlob");
        data.put("url", "https://teststorage.blob.core.windows.net/" + stored.bucket() + "/" + stored.key());
        data.put("sequencer", "00000000000004420000000000028963");
        return RawJson.compact(root);
    }

    /**
     * Encodes a schedule tick as the host's Timer trigger invocation: the tick's time is {@code ScheduleStatus.Next}
     * (the adapter names the tick after the function, as the host does).
     *
     * @param tick the tick
     * @return the invocation payload
     */
    public static byte[] timer(Event<ScheduleTick> tick) {
        ObjectNode root = RawJson.object();
        ObjectNode info = root.putObject("Data").putObject("timerInfo");
        ObjectNode status = info.putObject("ScheduleStatus");
        status.put("Last", TIME.toString());
        status.put("Next", tick.data().scheduledTime().toString());
        status.put("LastUpdated", TIME.toString());
        info.put("IsPastDue", false);
        sys(root.putObject("Metadata"));
        return RawJson.compact(root);
    }

    /**
     * Encodes portable stream records as the host's Event Hubs trigger invocation ({@code cardinality = MANY}): the
     * bodies as text, and per record in {@code SystemPropertiesArray} its id as the {@code SequenceNumber} (a number),
     * its {@code partitionKey} attribute and its time; its other attributes in {@code PropertiesArray}.
     *
     * @param hub     the event hub name
     * @param records the records, in partition order; their ids must be numbers
     * @return the invocation payload
     */
    public static byte[] eventHubs(String hub, List<? extends Event<?>> records) {
        ObjectNode root = RawJson.object();
        ArrayNode messages = root.putObject("Data").putArray("messages");
        ObjectNode metadata = root.putObject("Metadata");
        ObjectNode partition = metadata.putObject("PartitionContext");
        partition.put("FullyQualifiedNamespace", "test-namespace.servicebus.windows.net");
        partition.put("EventHubName", hub);
        partition.put("ConsumerGroup", "$Default");
        partition.put("PartitionId", "0");
        ArrayNode system = metadata.putArray("SystemPropertiesArray");
        ArrayNode properties = metadata.putArray("PropertiesArray");
        for (Event<?> record : records) {
            messages.add(AwsEvents.text(record.data()));
            ObjectNode recordSystem = system.addObject();
            recordSystem.put("SequenceNumber", Long.parseLong(record.id()));
            recordSystem.put("Offset", record.id());
            record.attribute("partitionKey").ifPresent(key -> recordSystem.put("PartitionKey", key));
            recordSystem.put("EnqueuedTimeUtc", record.time().orElse(TIME).toString());
            ObjectNode recordProperties = properties.addObject();
            record.attributes().forEach((name, value) -> {
                if (!name.equals("partitionKey") && !name.equals("sequenceNumber")) {
                    recordProperties.put(name, value);
                }
            });
        }
        sys(metadata);
        return RawJson.compact(root);
    }

    /**
     * Encodes document changes as the host's Cosmos DB trigger invocation: {@code Data.documents} is the change
     * feed's array of documents, each the change's {@code after} with Cosmos DB's system properties ({@code id} from
     * the key, {@code _lsn} the event id, {@code _ts} its time, {@code _etag}). The change feed carries only the latest
     * version of a document, so each decodes as {@code UPSERTED}. The custom-handler payload does not name the
     * container, so the decoder takes the function's name for it: the payload names the function after the container.
     *
     * @param container the monitored container
     * @param changes   the changes, as {@link Events#documentChange} builds them; each needs an {@code after} and its
     *                  key's {@code id}
     * @return the invocation payload
     * @throws IllegalArgumentException for a deletion (the change feed does not carry them) or a change without id
     */
    public static byte[] cosmosDb(String container, List<? extends Event<? extends DocumentChange<?>>> changes) {
        ObjectNode root = RawJson.object();
        ArrayNode documents = root.putObject("Data").putArray("documents");
        for (Event<? extends DocumentChange<?>> change : changes) {
            DocumentChange<?> data = change.data();
            Object id = data.key().get("id");
            if (data.after() == null || id == null) {
                throw new IllegalArgumentException("a Cosmos DB change-feed document needs an 'after' document and a key"
                        + " 'id' (the change feed carries no deletions), got " + data.kind() + " with key " + data.key());
            }
            JsonNode after = RawJson.MAPPER.valueToTree(data.after());
            if (!after.isObject()) {
                throw new IllegalArgumentException("a Cosmos DB document must be a JSON object, got " + after.getNodeType());
            }
            ObjectNode document = ((ObjectNode) after).deepCopy();
            document.put("id", id.toString());
            document.put("_rid", "AAAAAA==");
            document.put("_etag", "\"" + change.id() + "\"");
            document.put("_lsn", change.id());
            document.put("_ts", change.time().orElse(TIME).getEpochSecond());
            documents.add(document);
        }
        ObjectNode sys = root.putObject("Metadata").putObject("sys");
        sys.put("MethodName", container);
        sys.put("UtcNow", TIME.toString());
        sys.put("RandGuid", UUID.nameUUIDFromBytes(documents.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString());
        return RawJson.compact(root);
    }

    /**
     * @param eventType the event type, such as {@code Contoso.Orders.OrderPlaced}
     * @param subject   the subject
     * @param data      the data: any JSON-able value
     * @return one Event Grid event in the Event Grid schema, id {@code message-1}, topic of a custom topic
     */
    public static byte[] eventGrid(String eventType, String subject, Object data) {
        ObjectNode root = eventGridEvent(eventType, subject,
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/test/providers/Microsoft.EventGrid/topics/test-topic");
        root.set("data", RawJson.MAPPER.valueToTree(data));
        return RawJson.bytes(root);
    }

    /**
     * @param container the blob container
     * @param name      the blob name
     * @param size      the blob size in bytes
     * @return a {@code Microsoft.Storage.BlobCreated} Event Grid event from storage account {@code teststorage}
     */
    public static byte[] blobCreated(String container, String name, long size) {
        ObjectNode root = eventGridEvent("Microsoft.Storage.BlobCreated", "/blobServices/default/containers/" + container
                + "/blobs/" + name, STORAGE_ACCOUNT);
        ObjectNode data = root.putObject("data");
        data.put("api", "PutBlob");
        data.put("clientRequestId", "6d79dbfb-0e37-4fc4-981f-442c9ca65760");
        data.put("requestId", "831e1650-001e-001b-66ab-eeb76e000000");
        data.put("eTag", "0x8D4BCC2E4835CD0");
        data.put("contentType", "application/octet-stream");
        data.put("contentLength", size);
        data.put("blobType", "BlockBlob");
        data.put("url", "https://teststorage.blob.core.windows.net/" + container + "/" + name);
        data.put("sequencer", "00000000000004420000000000028963");
        data.putObject("storageDiagnostics").put("batchId", "b68529f3-68cd-4744-baa4-3c0498ec19f0");
        return RawJson.bytes(root);
    }

    /**
     * @param request the portable request; its path goes under the default {@code /api} route prefix
     * @return an HTTP trigger invocation (binding {@code req}); the body is sent as text, as the host does
     */
    public static byte[] http(HttpRequest request) {
        ObjectNode root = RawJson.object();
        ObjectNode req = root.putObject("Data").putObject("req");
        req.put("Url", url(request));
        req.put("Method", request.method());
        ObjectNode query = req.putObject("Query");
        request.query().asMap().forEach((name, values) -> {
            var array = query.putArray(name);
            values.forEach(array::add);
        });
        ObjectNode headers = req.putObject("Headers");
        request.headers().asMap().forEach((name, values) -> {
            var array = headers.putArray(name);
            values.forEach(array::add);
        });
        req.putObject("Params");
        req.putArray("Identities");
        if (request.bodyLength() > 0) {
            req.put("Body", request.bodyAsString());
        }
        ObjectNode metadata = root.putObject("Metadata");
        ObjectNode headerMetadata = metadata.putObject("Headers");
        request.headers().asMap().forEach((name, values) -> headerMetadata.put(name, String.join(", ", values)));
        sys(metadata);
        return RawJson.bytes(root);
    }

    /** @return the URL an Azure host with the default {@code api} route prefix receives a portable request on */
    static String url(HttpRequest request) {
        return "https://test-app.azurewebsites.net/api" + RequestTargets.of(request);
    }

    /** @return the request message the Java worker would bind for a portable request ({@code dataType = "binary"}) */
    static FakeHttpRequestMessage<byte[]> requestMessage(HttpRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().asMap().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        return FakeHttpRequestMessage.binary(request.method(), url(request), headers,
                request.bodyLength() == 0 ? null : request.body());
    }

    private static ObjectNode eventGridEvent(String eventType, String subject, String topic) {
        ObjectNode root = RawJson.object();
        root.put("id", AwsEvents.messageId(0));
        root.put("topic", topic);
        root.put("subject", subject);
        root.put("eventType", eventType);
        root.put("eventTime", TIME.toString());
        root.put("dataVersion", "1.0");
        root.put("metadataVersion", "1");
        return root;
    }

    private static void sys(ObjectNode metadata) {
        ObjectNode sys = metadata.putObject("sys");
        sys.put("MethodName", "test-function");
        sys.put("UtcNow", TIME.toString());
        sys.put("RandGuid", UUID.nameUUIDFromBytes(metadata.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
    }

}
