package dev.portablefn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.event.DocumentChange;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.runtime.json.JacksonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds portable events the way adapters deliver them, for unit tests of functions:
 * message bodies as {@code byte[]} (the runner binds them to the function's type), storage, schedule
 * and database events as the portable records. Ids are sequential ({@code msg-1}, {@code msg-2}, ...)
 * and times fixed at {@link TestClock#DEFAULT_START}, so tests are repeatable; use
 * {@link Event#toBuilder()} to change anything.
 */
public final class Events {

    /** The source prefix of every event these builders make. */
    public static final String SOURCE_PREFIX = "//localcloud/";

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Events() {
    }

    /**
     * @param body the message body: a {@code String} or {@code byte[]} as is, anything else as JSON
     * @return a {@code QUEUE} event from queue {@code test-queue}
     */
    public static Event<byte[]> queueMessage(Object body) {
        return message(Trigger.QUEUE, "queues/test-queue", "dev.portablefn.local.queue.message", body, Map.of());
    }

    /**
     * @param body the message body: a {@code String} or {@code byte[]} as is, anything else as JSON
     * @return a {@code TOPIC} event from topic {@code test-topic}
     */
    public static Event<byte[]> topicMessage(Object body) {
        return message(Trigger.TOPIC, "topics/test-topic", "dev.portablefn.local.topic.message", body, Map.of());
    }

    /**
     * @param trigger    {@code QUEUE}, {@code TOPIC} or {@code STREAM}
     * @param resource   the resource path under {@link #SOURCE_PREFIX}, such as {@code queues/orders}
     * @param type       the event type
     * @param body       the body: a {@code String} or {@code byte[]} as is, anything else as JSON
     * @param attributes message attributes
     * @return the event
     */
    public static Event<byte[]> message(Trigger trigger, String resource, String type, Object body,
                                        Map<String, String> attributes) {
        return Event.<byte[]>builder()
                .id(nextId("msg"))
                .source(SOURCE_PREFIX + resource)
                .type(type)
                .trigger(trigger)
                .time(TestClock.DEFAULT_START)
                .dataContentType(body instanceof String || body instanceof byte[] ? "text/plain" : "application/json")
                .data(bytesOf(body))
                .attributes(attributes)
                .deliveryAttempt(1)
                .build();
    }

    /**
     * @param bucket the bucket
     * @param key    the object key
     * @return a {@code STORAGE} event for a created object of unknown size
     */
    public static Event<StorageObject> storageObjectCreated(String bucket, String key) {
        return storage(new StorageObject(bucket, key, 0L, "application/octet-stream", null,
                StorageObject.Change.CREATED, TestClock.DEFAULT_START, Map.of()));
    }

    /**
     * @param bucket the bucket
     * @param key    the object key
     * @return a {@code STORAGE} event for a deleted object
     */
    public static Event<StorageObject> storageObjectDeleted(String bucket, String key) {
        return storage(StorageObject.of(bucket, key, StorageObject.Change.DELETED));
    }

    /**
     * @param object the object change
     * @return a {@code STORAGE} event carrying it, subject = key
     */
    public static Event<StorageObject> storage(StorageObject object) {
        return Event.<StorageObject>builder()
                .id(nextId("storage"))
                .source(SOURCE_PREFIX + "buckets/" + object.bucket())
                .type("dev.portablefn.local.storage.object." + object.change().name().toLowerCase(java.util.Locale.ROOT))
                .subject(object.key())
                .trigger(Trigger.STORAGE)
                .time(object.updated() != null ? object.updated() : TestClock.DEFAULT_START)
                .data(object)
                .build();
    }

    /**
     * @param scheduleName  the rule, job or timer name
     * @param scheduledTime when the tick was due
     * @return a {@code SCHEDULE} event
     */
    public static Event<ScheduleTick> scheduleTick(String scheduleName, Instant scheduledTime) {
        return Event.<ScheduleTick>builder()
                .id(nextId("tick"))
                .source(SOURCE_PREFIX + "schedules/" + scheduleName)
                .type("dev.portablefn.local.schedule.tick")
                .trigger(Trigger.SCHEDULE)
                .time(scheduledTime)
                .data(new ScheduleTick(scheduledTime, scheduleName))
                .build();
    }

    /**
     * @param scheduleName the schedule name
     * @return a {@code SCHEDULE} event due at {@link TestClock#DEFAULT_START}
     */
    public static Event<ScheduleTick> scheduleTick(String scheduleName) {
        return scheduleTick(scheduleName, TestClock.DEFAULT_START);
    }

    /**
     * @param collection the table or collection
     * @param id         the document id, the single key entry {@code "id"}
     * @param before     the document before (any JSON-able value), or {@code null}
     * @param after      the document after, or {@code null} for a deletion
     * @param kind       what happened
     * @return a {@code DATABASE} event with documents as plain JSON trees
     */
    public static Event<DocumentChange<JsonNode>> documentChange(String collection, String id, Object before,
                                                                 Object after, DocumentChange.Kind kind) {
        JacksonCodec codec = JacksonCodec.standard();
        DocumentChange<JsonNode> change = new DocumentChange<>(collection, Map.of("id", id),
                before == null ? null : codec.mapper().valueToTree(before),
                after == null ? null : codec.mapper().valueToTree(after), kind);
        return Event.<DocumentChange<JsonNode>>builder()
                .id(nextId("change"))
                .source(SOURCE_PREFIX + "databases/" + collection)
                .type("dev.portablefn.local.document." + kind.name().toLowerCase(java.util.Locale.ROOT))
                .subject(id)
                .trigger(Trigger.DATABASE)
                .time(TestClock.DEFAULT_START)
                .data(change)
                .build();
    }

    /**
     * @param method the HTTP method
     * @param path   the decoded path; a {@code ?query} part is parsed into query parameters
     * @return a request builder to add headers and a body to
     */
    public static HttpRequest.Builder http(String method, String path) {
        int question = path.indexOf('?');
        HttpRequest.Builder builder = HttpRequest.builder().method(method)
                .path(question < 0 ? path : path.substring(0, question));
        if (question >= 0) {
            dev.portablefn.runtime.internal.http.UrlDecoding.parseQuery(path.substring(question + 1)).asMap()
                    .forEach((name, values) -> values.forEach(value -> builder.queryParameter(name, value)));
        }
        return builder;
    }

    /**
     * @param body a body: {@code String} as UTF-8, {@code byte[]} as is, anything else as JSON
     * @return its bytes
     */
    public static byte[] bytesOf(Object body) {
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof byte[] bytes) {
            return bytes.clone();
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return JacksonCodec.standard().write(body);
    }

    private static String nextId(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }
}
