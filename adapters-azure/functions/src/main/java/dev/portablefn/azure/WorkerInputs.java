package dev.portablefn.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.RetryContext;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.Trigger;
import dev.portablefn.runtime.json.JacksonCodec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns what the Java worker binds to an annotated method's parameters (the trigger's payload, its metadata
 * as strings, the retry context) into portable events for {@link AzureFunctions}. Input that cannot be decoded
 * is logged and rethrown as {@link EventDecodingException}, for the delegation to dead-letter or throw.
 */
final class WorkerInputs {

    private final JacksonCodec codec;
    private final Clock clock;

    WorkerInputs(JacksonCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    Event<?> queueMessage(String message, String id, long dequeueCount, String insertionTime, Context portable) {
        try {   // inline rather than through decode(...): no capturing lambda per message
            return AzureTriggers.queueMessage(message, id, dequeueCount,
                    AzureTimestamps.instant(insertionTime, "InsertionTime", "Queue Storage message"), portable.functionName(), message);
        } catch (EventDecodingException malformed) {
            throw decodingFailed(AzureFunctions.QUEUE, portable, malformed);
        }
    }

    Event<?> serviceBusMessage(Trigger trigger, String message, String messageId, int deliveryCount, String enqueuedTimeUtc,
                               String applicationProperties, Context portable) {
        return decode(AzureFunctions.SERVICE_BUS, portable, () -> {
            String where = "Service Bus message 'ApplicationProperties'";
            JsonNode properties = applicationProperties == null || applicationProperties.isBlank()
                    ? null : HostJson.parse(codec, applicationProperties, where);
            return AzureTriggers.serviceBusMessage(message, messageId, (long) deliveryCount,
                    AzureTimestamps.instant(enqueuedTimeUtc, "EnqueuedTimeUtc", "Service Bus message"),
                    HostJson.attributes(properties, where), trigger, portable.functionName(), message);
        });
    }

    List<Event<?>> eventGrid(String event, Context portable) {
        return decode(AzureFunctions.EVENT_GRID, portable,
                () -> EventGridEvents.decodeAll(HostJson.parse(codec, event, "Event Grid event"), "Event Grid event"));
    }

    Event<?> blob(byte[] content, String blobPath, String uri, String properties, String metadata, Context portable) {
        return decode(AzureFunctions.BLOB, portable, () -> AzureTriggers.blob(content, blobPath, uri,
                optionalJson(properties, "Blob trigger 'Properties'"), optionalJson(metadata, "Blob trigger 'Metadata'"),
                portable.functionName()));
    }

    Event<?> timer(String timerInfo, ExecutionContext context, Context portable) {
        return decode(AzureFunctions.TIMER, portable, () -> withRetryAttempt(AzureTriggers.timer(
                HostJson.parse(codec, timerInfo, "Timer trigger TimerInfo"), clock.instant(), portable.functionName()), context));
    }

    List<Event<?>> eventHubs(List<String> messages, String partitionContext, String systemProperties, String properties,
                             ExecutionContext context, Context portable) {
        return decode(AzureFunctions.EVENT_HUBS, portable, () -> {
            if (messages == null) {
                throw new EventDecodingException("Event Hubs batch: the messages are missing; declare the trigger parameter"
                        + " with cardinality = Cardinality.MANY and dataType = \"string\"");
            }
            List<Event<?>> decoded = AzureTriggers.eventHubs(messages,
                    optionalJson(partitionContext, "Event Hubs 'PartitionContext'"),
                    optionalJson(systemProperties, "Event Hubs 'SystemPropertiesArray'"),
                    optionalJson(properties, "Event Hubs 'PropertiesArray'"),
                    portable.functionName(), portable.requestId());
            List<Event<?>> attempted = new ArrayList<>(decoded.size());
            for (Event<?> event : decoded) {
                attempted.add(withRetryAttempt(event, context));
            }
            return attempted;
        });
    }

    List<Event<?>> cosmosDb(String containerName, String documents, Context portable) {
        return decode(AzureFunctions.COSMOS_DB, portable, () -> AzureTriggers.cosmosChanges(
                HostJson.parse(codec, documents, "Cosmos DB documents"), containerName, portable.functionName()));
    }

    List<Event<?>> cosmosDb(String containerName, List<String> documents, Context portable) {
        return decode(AzureFunctions.COSMOS_DB, portable, () -> {
            if (documents == null) {
                throw new EventDecodingException("Cosmos DB change feed: the documents are missing");
            }
            ArrayNode array = codec.mapper().createArrayNode();
            for (int i = 0; i < documents.size(); i++) {
                array.add(HostJson.parse(codec, documents.get(i), "Cosmos DB document " + i));
            }
            return AzureTriggers.cosmosChanges(array, containerName, portable.functionName());
        });
    }

    /** Decodes, logging and rethrowing a malformed payload so the host's failure path keeps it. */
    private static <T> T decode(String binding, Context context, Supplier<T> decoding) {
        try {
            return decoding.get();
        } catch (EventDecodingException malformed) {
            throw decodingFailed(binding, context, malformed);
        }
    }

    private static EventDecodingException decodingFailed(String binding, Context context, EventDecodingException malformed) {
        context.logger().error("{} input could not be decoded; unless the function dead-letters it, the host {}: {}",
                binding, HostFailures.consequence(binding), malformed.getMessage());
        return malformed;
    }

    private JsonNode optionalJson(String json, String what) {
        return json == null || json.isBlank() ? null : HostJson.parse(codec, json, what);
    }

    /** Retry policies (Event Hubs, Cosmos DB, Timer) tell which attempt this is. */
    private static Event<?> withRetryAttempt(Event<?> event, ExecutionContext context) {
        RetryContext retry;
        try {
            retry = context.getRetryContext();
        } catch (RuntimeException olderWorker) {
            retry = null;
        }
        if (retry == null || retry.getRetrycount() < 0 || retry.getRetrycount() == Integer.MAX_VALUE) {
            return event;
        }
        return event.toBuilder().deliveryAttempt(retry.getRetrycount() + 1).build();
    }
}
