package dev.portablefn.aws;

import static dev.portablefn.runtime.internal.json.JsonFields.base64;
import static dev.portablefn.runtime.internal.json.JsonFields.optionalArray;
import static dev.portablefn.runtime.internal.json.JsonFields.optionalEpochMillis;
import static dev.portablefn.runtime.internal.json.JsonFields.optionalEpochSeconds;
import static dev.portablefn.runtime.internal.json.JsonFields.optionalInstant;
import static dev.portablefn.runtime.internal.json.JsonFields.optionalInt;
import static dev.portablefn.runtime.internal.json.JsonFields.optionalLong;
import static dev.portablefn.runtime.internal.json.JsonFields.optionalObject;
import static dev.portablefn.runtime.internal.json.JsonFields.optionalText;
import static dev.portablefn.runtime.internal.json.JsonFields.requiredNonEmptyText;
import static dev.portablefn.runtime.internal.json.JsonFields.requiredObject;
import static dev.portablefn.runtime.internal.json.JsonFields.requiredText;
import static dev.portablefn.runtime.internal.json.JsonFields.wrongType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.event.DocumentChange;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.runtime.internal.http.UrlDecoding;
import dev.portablefn.runtime.internal.json.JsonFields;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes one record of each non-HTTP AWS source into a portable {@link Event}: SQS, SNS, S3,
 * EventBridge (custom, scheduled, S3), Kinesis and DynamoDB Streams. Each method reads one record and
 * throws {@link EventDecodingException} naming the record and field when it is malformed.
 */
final class EventRecords {

    /** Attribute names for values the provider sends outside the payload. */
    static final String MESSAGE_GROUP_ID = Publisher.MESSAGE_GROUP_ID;
    static final String MESSAGE_DEDUPLICATION_ID = Publisher.MESSAGE_DEDUPLICATION_ID;
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String PARTITION_KEY = "partitionKey";
    private static final String SCHEDULED_EVENT = "Scheduled Event";
    /** What an EventBridge rule's schedule sends as {@code source}. */
    private static final String RULE_SOURCE = "aws.events";
    /**
     * What the {@code Input} of an EventBridge Scheduler schedule sets as {@code source}: Scheduler sends no envelope
     * of its own, so a schedule's input is an EventBridge-shaped event whose fields Scheduler's context attributes
     * fill (see {@link #eventBridge}).
     */
    private static final String SCHEDULER_SOURCE = "aws.scheduler";

    private EventRecords() {
    }

    /** @return the record's message id, the id Lambda expects in {@code batchItemFailures} */
    static String sqsId(JsonNode record, String where) {
        return requiredNonEmptyText(record, "messageId", where);
    }

    static Event<byte[]> sqs(JsonNode record, String where) {
        JsonNode system = optionalObject(record, "attributes", where);
        Event.Builder<byte[]> event = Event.<byte[]>builder()
                .id(sqsId(record, where))
                .source(orDefault(optionalText(record, "eventSourceARN", where), "aws:sqs"))
                .type("aws:sqs")
                .trigger(Trigger.QUEUE)
                .data(requiredText(record, "body", where).getBytes(StandardCharsets.UTF_8))
                .nativeEvent(record);
        JsonNode attributes = optionalObject(record, "messageAttributes", where);
        if (attributes != null) {
            for (Map.Entry<String, JsonNode> entry : attributes.properties()) {
                event.attribute(entry.getKey(), sqsAttributeValue(entry.getKey(), entry.getValue(), where));
            }
        }
        if (system != null) {
            String systemWhere = where + " attributes";
            Long receiveCount = optionalLong(system, "ApproximateReceiveCount", systemWhere);
            if (receiveCount != null && receiveCount >= 1 && receiveCount <= Integer.MAX_VALUE) {
                event.deliveryAttempt(receiveCount.intValue());
            }
            event.time(optionalEpochMillis(system, "SentTimestamp", systemWhere));
            event.attribute(MESSAGE_GROUP_ID, optionalText(system, "MessageGroupId", systemWhere));
            event.attribute(MESSAGE_DEDUPLICATION_ID, optionalText(system, "MessageDeduplicationId", systemWhere));
            event.attribute(SEQUENCE_NUMBER, optionalText(system, "SequenceNumber", systemWhere));
        }
        return event.build();
    }

    static boolean isFifo(JsonNode record) {
        JsonNode arn = record.get("eventSourceARN");
        JsonNode system = record.get("attributes");
        return (arn != null && arn.isTextual() && arn.textValue().endsWith(".fifo"))
                || (system != null && system.isObject() && system.hasNonNull("MessageGroupId"));
    }

    private static String sqsAttributeValue(String name, JsonNode attribute, String where) {
        if (!attribute.isObject()) {
            throw wrongType("messageAttributes." + name, where, "an object", attribute);
        }
        JsonNode stringValue = attribute.get("stringValue");
        if (stringValue != null && stringValue.isTextual()) {
            return stringValue.textValue();   // the usual case; the error context below is only built when needed
        }
        String attributeWhere = where + " messageAttributes." + name;
        String value = optionalText(attribute, "stringValue", attributeWhere);
        // Binary attributes stay base64 text: attributes are strings.
        return value != null ? value : optionalText(attribute, "binaryValue", attributeWhere);
    }

    static Event<byte[]> sns(JsonNode record, String where) {
        JsonNode sns = requiredObject(record, "Sns", where);
        String snsWhere = where + " Sns";
        Event.Builder<byte[]> event = Event.<byte[]>builder()
                .id(requiredNonEmptyText(sns, "MessageId", snsWhere))
                .source(requiredNonEmptyText(sns, "TopicArn", snsWhere))
                .type("aws:sns")
                .trigger(Trigger.TOPIC)
                .subject(optionalText(sns, "Subject", snsWhere))
                .time(optionalInstant(sns, "Timestamp", snsWhere))
                .data(requiredText(sns, "Message", snsWhere).getBytes(StandardCharsets.UTF_8))
                .nativeEvent(record);
        snsAttributes(sns, snsWhere, event);
        return event.build();
    }

    /** Copies SNS message attributes ({@code {"Type":..,"Value":..}}) onto an event. */
    static void snsAttributes(JsonNode sns, String where, Event.Builder<?> event) {
        JsonNode attributes = optionalObject(sns, "MessageAttributes", where);
        if (attributes == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : attributes.properties()) {
            JsonNode attribute = entry.getValue();
            if (!attribute.isObject()) {
                throw wrongType("MessageAttributes." + entry.getKey(), where, "an object", attribute);
            }
            event.attribute(entry.getKey(), optionalText(attribute, "Value", where + " MessageAttributes." + entry.getKey()));
        }
    }

    static Event<StorageObject> s3(JsonNode record, String where) {
        String eventName = requiredNonEmptyText(record, "eventName", where);
        JsonNode s3 = requiredObject(record, "s3", where);
        JsonNode bucket = requiredObject(s3, "bucket", where + " s3");
        JsonNode object = requiredObject(s3, "object", where + " s3");
        String bucketName = requiredText(bucket, "name", where + " s3.bucket");
        String rawKey = requiredText(object, "key", where + " s3.object");
        // S3 keys arrive URL-encoded with '+' for space.
        String key = UrlDecoding.decodeForm(rawKey);
        Instant time = optionalInstant(record, "eventTime", where);
        String sequencer = optionalText(object, "sequencer", where + " s3.object");
        StorageObject data = new StorageObject(bucketName, key, optionalLong(object, "size", where + " s3.object"),
                null, optionalText(object, "eTag", where + " s3.object"), s3Change(eventName), time, Map.of());
        return Event.<StorageObject>builder()
                .id(bucketName + "/" + rawKey + "@" + (sequencer != null ? sequencer : String.valueOf(time)))
                .source(orDefault(optionalText(bucket, "arn", where + " s3.bucket"), "arn:aws:s3:::" + bucketName))
                .type("aws:s3:" + eventName)
                .subject(key)
                .time(time)
                .trigger(Trigger.STORAGE)
                .attribute("awsRegion", optionalText(record, "awsRegion", where))
                .attribute("versionId", optionalText(object, "versionId", where + " s3.object"))
                .data(data)
                .nativeEvent(record)
                .build();
    }

    private static StorageObject.Change s3Change(String eventName) {
        if (eventName.startsWith("ObjectCreated")) {
            return StorageObject.Change.CREATED;
        }
        if (eventName.startsWith("ObjectRemoved")) {
            return StorageObject.Change.DELETED;
        }
        if (eventName.startsWith("ObjectRestore:Completed")) {
            return StorageObject.Change.RESTORED;
        }
        if (eventName.startsWith("LifecycleTransition")) {
            return StorageObject.Change.ARCHIVED;
        }
        return StorageObject.Change.OTHER;
    }

    /**
     * An EventBridge event: scheduled ticks, S3 object events, and anything else as CUSTOM with the detail as data.
     * A tick comes from an EventBridge rule ({@code source} {@code aws.events}) or from an EventBridge Scheduler
     * schedule whose {@code Input} is this envelope with Scheduler's context attributes in it:
     *
     * <pre>{@code
     * {"version":"0","id":"<aws.scheduler.execution-id>","source":"aws.scheduler","detail-type":"Scheduled Event",
     *  "time":"<aws.scheduler.scheduled-time>","resources":["<aws.scheduler.schedule-arn>"],
     *  "detail":{"attempt-number":"<aws.scheduler.attempt-number>"}}
     * }</pre>
     *
     * The attempt number becomes the event's delivery attempt.
     */
    static Event<?> eventBridge(JsonNode root) {
        String where = "EventBridge event";
        String source = requiredNonEmptyText(root, "source", where);
        String detailType = requiredNonEmptyText(root, "detail-type", where);
        Instant time = optionalInstant(root, "time", where);
        Event.Builder<Object> event = Event.builder()
                .id(requiredNonEmptyText(root, "id", where))
                .source(source)
                .type(detailType)
                .time(time)
                .attribute("account", optionalText(root, "account", where))
                .attribute("region", optionalText(root, "region", where))
                .nativeEvent(root);
        JsonNode resources = optionalArray(root, "resources", where);
        String firstResource = null;
        if (resources != null && !resources.isEmpty()) {
            JsonNode first = resources.get(0);
            if (!first.isTextual()) {
                throw wrongType("resources[0]", where, "a string", first);
            }
            firstResource = first.textValue();
            event.attribute("resources", joinResources(resources, where));
        }
        if (SCHEDULED_EVENT.equals(detailType) && (RULE_SOURCE.equals(source) || SCHEDULER_SOURCE.equals(source))) {
            if (time == null) {
                throw JsonFields.missing("time", where + " (Scheduled Event)");
            }
            if (SCHEDULER_SOURCE.equals(source)) {
                event.deliveryAttempt(schedulerAttempt(root.get("detail"), where));
            }
            return event.trigger(Trigger.SCHEDULE).subject(firstResource)
                    .data(new ScheduleTick(time, scheduleName(firstResource))).build();
        }
        JsonNode detail = root.get("detail");
        if ("aws.s3".equals(source) && detailType.startsWith("Object ")) {
            return s3FromEventBridge(event, detailType, detail, time, where);
        }
        return event.trigger(Trigger.CUSTOM).dataContentType("application/json")
                .data(detail == null ? JsonNodeFactory.instance.nullNode() : detail).build();
    }

    private static String joinResources(JsonNode resources, String where) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < resources.size(); i++) {
            JsonNode resource = resources.get(i);
            if (!resource.isTextual()) {
                throw wrongType("resources[" + i + "]", where, "a string", resource);
            }
            joined.append(i == 0 ? "" : ",").append(resource.textValue());
        }
        return joined.toString();
    }

    /** @return the name at the end of a rule's or a schedule's ARN ({@code rule/NAME}, {@code schedule/GROUP/NAME}) */
    private static String scheduleName(String arn) {
        if (arn == null) {
            return null;
        }
        int slash = arn.lastIndexOf('/');
        return slash >= 0 ? arn.substring(slash + 1) : arn;
    }

    /** @return Scheduler's {@code detail.attempt-number}, or {@code null} when the input carries none */
    private static Integer schedulerAttempt(JsonNode detail, String where) {
        String detailWhere = where + " detail";
        Integer attempt = optionalInt(detail, "attempt-number", detailWhere);
        if (attempt != null && attempt < 1) {
            throw new EventDecodingException(detailWhere + ": 'attempt-number' must be at least 1, got " + attempt);
        }
        return attempt;
    }

    private static Event<?> s3FromEventBridge(Event.Builder<Object> event, String detailType, JsonNode detail,
                                              Instant time, String where) {
        if (detail == null || !detail.isObject()) {
            throw detail == null ? JsonFields.missing("detail", where) : wrongType("detail", where, "an object", detail);
        }
        String detailWhere = where + " detail";
        String bucket = requiredText(requiredObject(detail, "bucket", detailWhere), "name", detailWhere + ".bucket");
        JsonNode object = requiredObject(detail, "object", detailWhere);
        // Unlike S3 notifications, EventBridge delivers object keys as they are, not URL-encoded.
        String key = requiredText(object, "key", detailWhere + ".object");
        StorageObject.Change change = switch (detailType) {
            case "Object Created" -> StorageObject.Change.CREATED;
            case "Object Deleted" -> StorageObject.Change.DELETED;
            case "Object Restore Completed" -> StorageObject.Change.RESTORED;
            case "Object Storage Class Changed" -> StorageObject.Change.ARCHIVED;
            default -> StorageObject.Change.OTHER;
        };
        StorageObject data = new StorageObject(bucket, key, optionalLong(object, "size", detailWhere + ".object"),
                null, optionalText(object, "etag", detailWhere + ".object"), change, time, Map.of());
        return event.trigger(Trigger.STORAGE).subject(key)
                .attribute("versionId", optionalText(object, "version-id", detailWhere + ".object"))
                .data(data).build();
    }

    /** @return the sequence number, the id Lambda expects in {@code batchItemFailures} for Kinesis */
    static String kinesisId(JsonNode record, String where) {
        return requiredNonEmptyText(requiredObject(record, "kinesis", where), SEQUENCE_NUMBER, where + " kinesis");
    }

    static Event<byte[]> kinesis(JsonNode record, String where) {
        JsonNode kinesis = requiredObject(record, "kinesis", where);
        String kinesisWhere = where + " kinesis";
        String sequenceNumber = requiredNonEmptyText(kinesis, SEQUENCE_NUMBER, kinesisWhere);
        return Event.<byte[]>builder()
                .id(sequenceNumber)
                .source(orDefault(optionalText(record, "eventSourceARN", where), "aws:kinesis"))
                .type(orDefault(optionalText(record, "eventName", where), "aws:kinesis:record"))
                .trigger(Trigger.STREAM)
                .time(optionalEpochSeconds(kinesis, "approximateArrivalTimestamp", kinesisWhere))
                .data(base64(requiredText(kinesis, "data", kinesisWhere), "data", kinesisWhere))
                .attribute(PARTITION_KEY, requiredText(kinesis, PARTITION_KEY, kinesisWhere))
                .attribute(SEQUENCE_NUMBER, sequenceNumber)
                .attribute("eventId", optionalText(record, "eventID", where))
                .nativeEvent(record)
                .build();
    }

    /** @return the stream sequence number, the id Lambda expects in {@code batchItemFailures} for DynamoDB */
    static String dynamoDbId(JsonNode record, String where) {
        return requiredNonEmptyText(requiredObject(record, "dynamodb", where), "SequenceNumber", where + " dynamodb");
    }

    static Event<DocumentChange<JsonNode>> dynamoDb(JsonNode record, String where) {
        JsonNode dynamodb = requiredObject(record, "dynamodb", where);
        String dynamoWhere = where + " dynamodb";
        String sequenceNumber = requiredNonEmptyText(dynamodb, "SequenceNumber", dynamoWhere);
        String eventName = requiredNonEmptyText(record, "eventName", where);
        DocumentChange.Kind kind = switch (eventName) {
            case "INSERT" -> DocumentChange.Kind.CREATED;
            case "MODIFY" -> DocumentChange.Kind.UPDATED;
            case "REMOVE" -> DocumentChange.Kind.DELETED;
            default -> throw new EventDecodingException(where + ": 'eventName' must be INSERT, MODIFY or REMOVE, got "
                    + JsonFields.quote(eventName));
        };
        String sourceArn = orDefault(optionalText(record, "eventSourceARN", where), "aws:dynamodb");
        JsonNode keys = optionalObject(dynamodb, "Keys", dynamoWhere);
        Map<String, Object> key = new LinkedHashMap<>();
        if (keys != null) {
            JsonNode plainKeys = AttributeValues.toJson(keys, dynamoWhere + ".Keys");
            for (Map.Entry<String, JsonNode> entry : plainKeys.properties()) {
                key.put(entry.getKey(), AttributeValues.toPlainValue(entry.getValue()));
            }
        }
        JsonNode oldImage = optionalObject(dynamodb, "OldImage", dynamoWhere);
        JsonNode newImage = optionalObject(dynamodb, "NewImage", dynamoWhere);
        DocumentChange<JsonNode> change = new DocumentChange<>(tableName(sourceArn), key,
                oldImage == null ? null : AttributeValues.toJson(oldImage, dynamoWhere + ".OldImage"),
                newImage == null ? null : AttributeValues.toJson(newImage, dynamoWhere + ".NewImage"), kind);
        return Event.<DocumentChange<JsonNode>>builder()
                .id(sequenceNumber)
                .source(sourceArn)
                .type("aws:dynamodb:" + eventName)
                .trigger(Trigger.DATABASE)
                .time(optionalEpochSeconds(dynamodb, "ApproximateCreationDateTime", dynamoWhere))
                .attribute(SEQUENCE_NUMBER, sequenceNumber)
                .attribute("eventId", optionalText(record, "eventID", where))
                .attribute("streamViewType", optionalText(dynamodb, "StreamViewType", dynamoWhere))
                .data(change)
                .nativeEvent(record)
                .build();
    }

    /** {@code arn:aws:dynamodb:region:account:table/NAME/stream/LABEL} → {@code NAME}. */
    private static String tableName(String sourceArn) {
        int table = sourceArn.indexOf(":table/");
        if (table < 0) {
            return sourceArn;
        }
        String rest = sourceArn.substring(table + ":table/".length());
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        return name.isEmpty() ? sourceArn : name;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
