package dev.portablefn.testing.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.TraceContext;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.event.DocumentChange;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.json.JsonCodec;
import dev.portablefn.runtime.json.JacksonCodec;
import dev.portablefn.testing.Events;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns what is sent into messages in the right channels: queue sends, topic fan-out, stream records, document
 * changes, storage events, schedule ticks and dead letters, each with its id, source, type and time.
 */
final class MessageRouter {

    private static final String SOURCE = Events.SOURCE_PREFIX;

    private final Registry registry;
    private final RandomSource random;
    private final Invocations invocations;
    /** Tells apart copies of one message in one channel (a redelivered dead letter keeps its id). */
    private long sequence;
    private long streamSequence;
    /** Each table's documents by id, for the before and after of each change. */
    private final Map<String, Map<String, JsonNode>> tables = new HashMap<>();

    MessageRouter(Registry registry, RandomSource random, Invocations invocations) {
        this.registry = registry;
        this.random = random;
        this.invocations = invocations;
    }

    String enqueue(String queue, byte[] body, Map<String, String> attributes, Instant at) {
        Channel channel = registry.queueNamed(queue);
        String group = attributes.get(LocalCloud.MESSAGE_GROUP_ID);
        if (channel.ordered && (group == null || group.isBlank())) {
            throw new IllegalArgumentException("FIFO queue '" + queue + "' needs a " + LocalCloud.MESSAGE_GROUP_ID
                    + " attribute; use sendToGroup(queue, groupId, body)");
        }
        String id = random.newId();
        Event<byte[]> event = Event.<byte[]>builder().id(id).source(SOURCE + "queues/" + queue)
                .type("dev.portablefn.local.queue.message").trigger(Trigger.QUEUE).time(at)
                .dataContentType(contentTypeOf(body)).data(body).attributes(attributes).build();
        channel.add(new Channel.Message(event, group, ++sequence, at));
        return id;
    }

    /**
     * Each function subscription gets the message itself (same id); each subscribed queue gets its own copy,
     * with the topic message's id in {@code topicMessageId}.
     */
    String fanOut(String topic, byte[] body, Map<String, String> attributes, Instant at) {
        List<String> targets = registry.topicTargets(topic);
        if (targets == null) {
            throw new IllegalArgumentException("no topic named '" + topic + "'; create it with createTopic");
        }
        String id = random.newId();
        Event<byte[]> event = Event.<byte[]>builder().id(id).source(SOURCE + "topics/" + topic)
                .type("dev.portablefn.local.topic.message").trigger(Trigger.TOPIC).time(at)
                .dataContentType(contentTypeOf(body)).data(body).attributes(attributes).build();
        for (String target : targets) {
            Channel channel = registry.channel(target);
            if (registry.isSubscription(target)) {
                channel.add(new Channel.Message(event, null, ++sequence, at));
            } else {
                Map<String, String> copy = new LinkedHashMap<>(attributes);
                copy.put("topicMessageId", id);
                if (channel.ordered) {
                    copy.putIfAbsent(LocalCloud.MESSAGE_GROUP_ID, topic);
                }
                enqueue(target, body, copy, at);
            }
        }
        return id;
    }

    /** @return the record's id: its sequence number in the stream */
    String putRecord(String stream, String partitionKey, Object body) {
        Channel channel = registry.channelOf(stream, Registry.Kind.STREAM);
        Instant at = invocations.sendTime();
        String sequenceNumber = String.format("%020d", ++streamSequence);
        Event<byte[]> event = Event.<byte[]>builder().id(sequenceNumber).source(SOURCE + "streams/" + stream)
                .type("dev.portablefn.local.stream.record").trigger(Trigger.STREAM).time(at)
                .data(Events.bytesOf(body)).attribute("partitionKey", partitionKey)
                .attribute("sequenceNumber", sequenceNumber).build();
        channel.add(new Channel.Message(event, partitionKey, ++sequence, at));
        return sequenceNumber;
    }

    /**
     * Stores or deletes a document and emits its change to the table's subscriber, ordered per document: created,
     * updated (with the document before) or deleted. A deletion of a document that is not there emits nothing.
     *
     * @param document the new document, {@code null} to delete it
     * @return the change's id (its sequence number), {@code null} when nothing changed
     */
    String changeDocument(String table, String id, Object document, boolean emitDeletions) {
        Channel channel = registry.channelOf(table, Registry.Kind.TABLE);
        Map<String, JsonNode> rows = tables.computeIfAbsent(table, name -> new LinkedHashMap<>());
        JsonNode after = document == null ? null : JacksonCodec.standard().mapper().valueToTree(document);
        if (after != null && !after.isObject()) {
            throw new IllegalArgumentException("a document must be a JSON object, got " + after.getNodeType()
                    + " for '" + id + "' in table '" + table + "'");
        }
        JsonNode before = after == null ? rows.remove(id) : rows.put(id, after);
        if (after == null && (before == null || !emitDeletions)) {
            return null;
        }
        DocumentChange.Kind kind = after == null ? DocumentChange.Kind.DELETED
                : before == null ? DocumentChange.Kind.CREATED : DocumentChange.Kind.UPDATED;
        Instant at = invocations.sendTime();
        String sequenceNumber = String.format("%020d", ++streamSequence);
        Event<DocumentChange<JsonNode>> event = Event.<DocumentChange<JsonNode>>builder().id(sequenceNumber)
                .source(SOURCE + "tables/" + table).type("dev.portablefn.local.document." + kind.name().toLowerCase(Locale.ROOT))
                .subject(id).trigger(Trigger.DATABASE).time(at)
                .data(new DocumentChange<>(table, Map.of("id", id), before, after, kind))
                .attribute("sequenceNumber", sequenceNumber).build();
        channel.add(new Channel.Message(event, id, ++sequence, at));
        return sequenceNumber;
    }

    /** What {@link LocalCloud#publisher()} sends: to a topic or a queue, as a child span of the caller's trace. */
    String publishFromFunction(String destination, String body, Map<String, String> attributes) {
        Map<String, String> copy = new LinkedHashMap<>(attributes == null ? Map.of() : attributes);
        InvocationContext context = invocations.innermost();
        if (context != null && context.traceOrNull() != null && !copy.containsKey(LocalCloud.TRACEPARENT)) {
            TraceContext trace = context.traceOrNull();
            copy.put(LocalCloud.TRACEPARENT, "00-" + trace.traceId() + "-" + random.newSpanId()
                    + "-" + (trace.sampled() ? "01" : "00"));
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (registry.isTopic(destination)) {
            return fanOut(destination, bytes, copy, invocations.sendTime());
        }
        if (registry.isQueue(destination)) {
            return enqueue(destination, bytes, copy, invocations.sendTime());
        }
        // A setup mistake, as on the providers: retrying the publish cannot make the destination exist.
        throw new PermanentFailure("no topic or queue named '" + destination + "' in LocalCloud; create it with"
                + " createTopic or createQueue");
    }

    /** Sends a storage event to every subscriber of the bucket; ordered subscribers get it in the bucket's group. */
    void emitStorage(String bucketName, StorageObject object, Instant at) {
        Event<StorageObject> event = Event.<StorageObject>builder().id(random.newId()).source(SOURCE + "buckets/" + bucketName)
                .type("dev.portablefn.local.storage.object." + object.change().name().toLowerCase(Locale.ROOT))
                .subject(object.key()).trigger(Trigger.STORAGE).time(at).data(object).build();
        for (String target : registry.bucketTargets(bucketName)) {
            Channel channel = registry.channel(target);
            Map<String, String> group = channel.ordered ? Map.of(LocalCloud.MESSAGE_GROUP_ID, bucketName) : Map.of();
            channel.add(new Channel.Message(event.toBuilder().attributes(group).build(),
                    channel.ordered ? bucketName : null, ++sequence, at));
        }
    }

    /** Puts the schedule's tick for {@code due} in its channel. */
    void tick(String scheduleName, Instant due) {
        Event<ScheduleTick> tick = Event.<ScheduleTick>builder().id(random.newId())
                .source(SOURCE + "schedules/" + scheduleName).type("dev.portablefn.local.schedule.tick")
                .trigger(Trigger.SCHEDULE).time(due).data(new ScheduleTick(due, scheduleName)).build();
        registry.channel(scheduleName).add(new Channel.Message(tick, null, ++sequence, due));
    }

    /**
     * Moves a message out of its channel into the channel's dead-letter queue (created on first use).
     *
     * @return the dead-letter queue's name
     */
    String moveToDeadLetterQueue(Channel channel, Channel.Message message, Instant at) {
        channel.remove(message);
        Channel queue = registry.deadLetterQueueOf(channel);
        queue.add(new Channel.Message(message.event, message.group, ++sequence, at));
        return queue.name;
    }

    /** @return the message with its data bound to a type: a queue's bytes read as JSON, data of that type as it is */
    @SuppressWarnings("unchecked")
    static <T> Event<T> bound(Event<?> event, Class<T> type) {
        Object data = event.data();
        return type.isInstance(data) ? (Event<T>) event
                : event.withData(JsonCodec.standard().<T>bind(data, type, "message " + event.id()));
    }

    private static String contentTypeOf(byte[] body) {
        int i = 0;
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        return i < body.length && (body[i] == '{' || body[i] == '[') ? "application/json" : "text/plain";
    }
}
