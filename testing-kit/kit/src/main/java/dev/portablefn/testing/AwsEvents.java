package dev.portablefn.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.event.DocumentChange;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.api.event.StorageObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Builds AWS Lambda event payloads exactly as the services send them (field names, nesting, encodings
 * as in AWS's documentation and recorded events), as JSON bytes to hand to a {@code LambdaHandler} or
 * {@link FunctionTester#invoke(byte[])}. Region {@code us-east-1}, account {@code 123456789012}, times at
 * {@link TestClock#DEFAULT_START}; message ids are {@code message-1}, {@code message-2}, ... in batch order.
 */
public final class AwsEvents {

    static final String REGION = "us-east-1";
    /** The attributes that SQS FIFO and Kinesis send outside the message attributes (as the adapter names them). */
    private static final String MESSAGE_GROUP_ID = "messageGroupId";
    private static final String SEQUENCE_NUMBER = "sequenceNumber";
    private static final String PARTITION_KEY = "partitionKey";
    private static final String DEDUPLICATION_ID = "messageDeduplicationId";
    private static final MessageDigest MD5 = md5Prototype();
    static final String ACCOUNT = "123456789012";
    private static final Instant TIME = TestClock.DEFAULT_START;

    private AwsEvents() {
    }

    /**
     * @param bodies the message bodies, as sent
     * @return an SQS batch from standard queue {@code test-queue}, one record per body
     */
    public static byte[] sqs(String... bodies) {
        return sqs(List.of(bodies));
    }

    /**
     * @param bodies the message bodies, as sent
     * @return an SQS batch from standard queue {@code test-queue}, one record per body
     */
    public static byte[] sqs(List<String> bodies) {
        return sqs("test-queue", null, bodies, Map.of());
    }

    /**
     * @param bodies     the message bodies
     * @param attributes string message attributes put on every message
     * @return an SQS batch from standard queue {@code test-queue}
     */
    public static byte[] sqs(List<String> bodies, Map<String, String> attributes) {
        return sqs("test-queue", null, bodies, attributes);
    }

    /**
     * @param groupId the message group
     * @param bodies  the message bodies, in group order
     * @return an SQS batch from FIFO queue {@code test-queue.fifo} with sequence numbers and dedup ids
     */
    public static byte[] sqsFifo(String groupId, List<String> bodies) {
        return sqs("test-queue.fifo", groupId, bodies, Map.of());
    }

    private static byte[] sqs(String queue, String groupId, List<String> bodies, Map<String, String> attributes) {
        List<Event<byte[]>> messages = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            Event.Builder<byte[]> message = Event.<byte[]>builder().id(messageId(i)).source(queue).type("aws:sqs")
                    .trigger(Trigger.QUEUE).time(TIME).data(bodies.get(i).getBytes(StandardCharsets.UTF_8))
                    .attributes(attributes);
            if (groupId != null) {
                message.attribute(MESSAGE_GROUP_ID, groupId).attribute(SEQUENCE_NUMBER, "1884949646046769" + String.format("%04d", i));
            }
            messages.add(message.build());
        }
        return sqs(queue, messages);
    }

    /**
     * Encodes portable messages (as {@link Events#queueMessage(Object)} builds them, or as LocalCloud holds them) as
     * one SQS batch. Each message's id is the {@code messageId}, its data the {@code body} (text as it is, anything
     * else as {@link Events#bytesOf(Object)} gives), its attributes the string message attributes; its delivery
     * attempt is {@code ApproximateReceiveCount} and its time {@code SentTimestamp}. A {@code messageGroupId} attribute
     * (and {@code messageDeduplicationId}, {@code sequenceNumber}) goes to the system attributes instead, as SQS FIFO
     * sends it.
     *
     * @param queue    the queue name, in the records' {@code eventSourceARN}
     * @param messages the messages, in delivery order
     * @return the SQS event
     */
    public static byte[] sqs(String queue, List<? extends Event<?>> messages) {
        // Written as a stream rather than a tree: LocalCloud encodes every SQS batch it delivers on the AWS preset.
        String arn = "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + queue;
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + messages.size() * 640);
        try (JsonGenerator json = RawJson.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("Records");
            for (Event<?> message : messages) {
                String body = text(message.data());
                String md5 = md5(body);
                long sent = message.time().orElse(TIME).toEpochMilli();
                json.writeStartObject();
                json.writeStringField("messageId", message.id());
                json.writeStringField("receiptHandle", "AQEB" + Base64.getEncoder().encodeToString(("receipt-"
                        + message.id()).getBytes(StandardCharsets.UTF_8)));
                json.writeStringField("body", body);
                json.writeObjectFieldStart("attributes");
                json.writeStringField("ApproximateReceiveCount", Integer.toString(message.deliveryAttempt().orElse(1)));
                json.writeStringField("SentTimestamp", Long.toString(sent));
                json.writeStringField("SenderId", "AROAIWPX5BD2BHG722MW4:sender");
                json.writeStringField("ApproximateFirstReceiveTimestamp", Long.toString(sent + 5));
                Map<String, String> attributes = message.attributes();
                String groupId = attributes.get(MESSAGE_GROUP_ID);
                if (groupId != null) {
                    json.writeStringField("SequenceNumber", attributes.getOrDefault(SEQUENCE_NUMBER, message.id()));
                    json.writeStringField("MessageGroupId", groupId);
                    json.writeStringField("MessageDeduplicationId", attributes.getOrDefault(DEDUPLICATION_ID, md5));
                }
                json.writeEndObject();
                json.writeObjectFieldStart("messageAttributes");
                for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                    String name = attribute.getKey();
                    if (!name.equals(MESSAGE_GROUP_ID) && !name.equals(SEQUENCE_NUMBER) && !name.equals(DEDUPLICATION_ID)) {
                        json.writeObjectFieldStart(name);
                        json.writeStringField("stringValue", attribute.getValue());
                        json.writeArrayFieldStart("stringListValues");
                        json.writeEndArray();
                        json.writeArrayFieldStart("binaryListValues");
                        json.writeEndArray();
                        json.writeStringField("dataType", "String");
                        json.writeEndObject();
                    }
                }
                json.writeEndObject();
                json.writeStringField("md5OfBody", md5);
                json.writeStringField("eventSource", "aws:sqs");
                json.writeStringField("eventSourceARN", arn);
                json.writeStringField("awsRegion", REGION);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an SQS event", e);
        }
        return out.toByteArray();
    }

    /**
     * @param bucket the bucket
     * @param key    the object key (S3 URL-encodes it in the event, with {@code +} for space)
     * @param size   the object size in bytes
     * @return an S3 {@code ObjectCreated:Put} notification
     */
    public static byte[] s3(String bucket, String key, long size) {
        return s3("ObjectCreated:Put", bucket, key, size);
    }

    /**
     * @param eventName the S3 event name, such as {@code ObjectCreated:Put} or {@code ObjectRemoved:Delete}
     * @param bucket    the bucket
     * @param key       the object key
     * @param size      the object size in bytes (omitted for removals, as S3 does)
     * @return an S3 notification with one record
     */
    public static byte[] s3(String eventName, String bucket, String key, long size) {
        StorageObject.Change change = eventName.startsWith("ObjectCreated") ? StorageObject.Change.CREATED
                : eventName.startsWith("ObjectRemoved") ? StorageObject.Change.DELETED : StorageObject.Change.OTHER;
        return s3(eventName, Event.<StorageObject>builder().id("0055AED6DCD90281E5").source("aws:s3").type("aws:s3")
                .trigger(Trigger.STORAGE).time(TIME).data(new StorageObject(bucket, key,
                        change == StorageObject.Change.CREATED ? size : null, null,
                        change == StorageObject.Change.CREATED ? md5(bucket + "/" + key) : null, change, TIME,
                        Map.of())).build());
    }

    /**
     * Encodes a portable storage event as the S3 notification Lambda receives: {@code ObjectCreated:Put} for a
     * created object, {@code ObjectRemoved:Delete} for a deleted one; the key URL-encoded, the size and ETag of the
     * object, the event's id as the {@code sequencer}. S3 sends no content type.
     *
     * @param change the storage event, as {@link Events#storage(StorageObject)} builds it
     * @return the S3 event, one record
     */
    public static byte[] s3(Event<StorageObject> change) {
        String eventName = switch (change.data().change()) {
            case CREATED -> "ObjectCreated:Put";
            case DELETED -> "ObjectRemoved:Delete";
            case RESTORED -> "ObjectRestore:Completed";
            case ARCHIVED -> "LifecycleTransition";
            default -> "ObjectTagging:Put";
        };
        return s3(eventName, change);
    }

    private static byte[] s3(String eventName, Event<StorageObject> change) {
        StorageObject stored = change.data();
        ObjectNode root = RawJson.object();
        ObjectNode record = root.putArray("Records").addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", REGION);
        record.put("eventTime", change.time().orElse(TIME).toString());
        record.put("eventName", eventName);
        record.putObject("userIdentity").put("principalId", "AWS:AIDAINPONIXQXHT3IKHL2");
        record.putObject("requestParameters").put("sourceIPAddress", "192.0.2.1");
        ObjectNode response = record.putObject("responseElements");
        response.put("x-amz-request-id", "C3D13FE58DE4C810");
        response.put("x-amz-id-2", "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD");
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "test-notification");
        ObjectNode bucketNode = s3.putObject("bucket");
        bucketNode.put("name", stored.bucket());
        bucketNode.putObject("ownerIdentity").put("principalId", "A3NL1KOZZKExample");
        bucketNode.put("arn", "arn:aws:s3:::" + stored.bucket());
        ObjectNode object = s3.putObject("object");
        object.put("key", URLEncoder.encode(stored.key(), StandardCharsets.UTF_8));
        if (stored.size() != null) {
            object.put("size", stored.size());
        }
        if (stored.etag() != null) {
            object.put("eTag", stored.etag());
        }
        object.put("sequencer", change.id());
        return RawJson.compact(root);
    }

    /**
     * @param message the SNS message text
     * @return an SNS notification from topic {@code test-topic}
     */
    public static byte[] sns(String message) {
        return sns(message, Map.of());
    }

    /**
     * @param message    the SNS message text
     * @param attributes string message attributes
     * @return an SNS notification from topic {@code test-topic}, message id {@code message-1}
     */
    public static byte[] sns(String message, Map<String, String> attributes) {
        return sns("test-topic", Event.<byte[]>builder().id(messageId(0)).source("test-topic").type("aws:sns")
                .trigger(Trigger.TOPIC).time(TIME).data(message.getBytes(StandardCharsets.UTF_8)).attributes(attributes)
                .build());
    }

    /**
     * Encodes a portable message as the SNS notification Lambda receives: its id is the {@code MessageId}, its data the
     * {@code Message}, its attributes the string {@code MessageAttributes}, its subject and time the {@code Subject}
     * and {@code Timestamp}.
     *
     * @param topic   the topic name, in the {@code TopicArn}
     * @param message the message
     * @return the SNS event, one record
     */
    public static byte[] sns(String topic, Event<?> message) {
        String topicArn = "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + topic;
        ObjectNode root = RawJson.object();
        ObjectNode record = root.putArray("Records").addObject();
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", topicArn + ":2bcfbf39-05c3-41de-beaa-fcfcc21c8f55");
        record.put("EventSource", "aws:sns");
        ObjectNode sns = record.putObject("Sns");
        sns.put("SignatureVersion", "1");
        sns.put("Timestamp", message.time().orElse(TIME).toString());
        sns.put("Signature", "EXAMPLE");
        sns.put("SigningCertUrl", "https://sns." + REGION + ".amazonaws.com/SimpleNotificationService-0000000000.pem");
        sns.put("MessageId", message.id());
        sns.put("Message", text(message.data()));
        ObjectNode messageAttributes = sns.putObject("MessageAttributes");
        message.attributes().forEach((name, value) -> {
            ObjectNode attribute = messageAttributes.putObject(name);
            attribute.put("Type", "String");
            attribute.put("Value", value);
        });
        sns.put("Type", "Notification");
        sns.put("UnsubscribeUrl", "https://sns." + REGION + ".amazonaws.com/?Action=Unsubscribe");
        sns.put("TopicArn", topicArn);
        if (message.subject().isPresent()) {
            sns.put("Subject", message.subject().get());
        } else {
            sns.putNull("Subject");
        }
        return RawJson.compact(root);
    }

    /**
     * Encodes a schedule tick as the EventBridge "Scheduled Event" a schedule rule sends: the tick's time is the
     * event's {@code time}, its schedule name the rule in {@code resources}.
     *
     * @param tick the tick, as {@link Events#scheduleTick(String, java.time.Instant)} builds it; its id is the event id
     * @return the EventBridge event
     */
    public static byte[] scheduled(Event<ScheduleTick> tick) {
        ObjectNode root = RawJson.object();
        root.put("version", "0");
        root.put("id", tick.id());
        root.put("detail-type", "Scheduled Event");
        root.put("source", "aws.events");
        root.put("account", ACCOUNT);
        root.put("time", tick.data().scheduledTime().toString());
        root.put("region", REGION);
        root.putArray("resources").add("arn:aws:events:" + REGION + ":" + ACCOUNT + ":rule/" + tick.data().scheduleName());
        root.putObject("detail");
        return RawJson.compact(root);
    }

    /**
     * A custom event as an EventBridge rule delivers it to a Lambda target.
     *
     * @param source     the event's {@code source}, such as {@code com.example.orders}
     * @param detailType its {@code detail-type}, such as {@code OrderPlaced}
     * @param detail     its {@code detail}: a JSON object's text, or any value written as JSON
     * @return the EventBridge event, id {@code eventbridge-1}, time {@link TestClock#DEFAULT_START}
     */
    public static byte[] eventBridge(String source, String detailType, Object detail) {
        ObjectNode root = RawJson.object();
        root.put("version", "0");
        root.put("id", "eventbridge-1");
        root.put("detail-type", detailType);
        root.put("source", source);
        root.put("account", ACCOUNT);
        root.put("time", TIME.toString());
        root.put("region", REGION);
        root.putArray("resources");
        root.set("detail", detail instanceof String text ? RawJson.tree(text.getBytes(StandardCharsets.UTF_8),
                "EventBridge detail") : RawJson.MAPPER.valueToTree(detail));
        return RawJson.compact(root);
    }

    /**
     * Encodes document changes as one DynamoDB Streams batch ({@code NEW_AND_OLD_IMAGES}): each event's id is its
     * sequence number, its change's key the {@code Keys}, its documents the images, all in DynamoDB's typed
     * attribute values ({@code S}, {@code N}, {@code BOOL}, {@code NULL}, {@code M}, {@code L}, {@code B}).
     *
     * @param table   the table, in the records' {@code eventSourceARN}
     * @param changes the changes in stream order, as {@link Events#documentChange} builds them; documents are maps,
     *                records or JSON trees
     * @return the DynamoDB Streams event
     */
    public static byte[] dynamoDb(String table, List<? extends Event<? extends DocumentChange<?>>> changes) {
        ObjectNode root = RawJson.object();
        ArrayNode array = root.putArray("Records");
        for (Event<? extends DocumentChange<?>> event : changes) {
            DocumentChange<?> change = event.data();
            ObjectNode record = array.addObject();
            record.put("eventID", "dynamodb-" + event.id());
            record.put("eventName", switch (change.kind()) {
                case CREATED -> "INSERT";
                case UPDATED, UPSERTED -> "MODIFY";
                case DELETED -> "REMOVE";
            });
            record.put("eventVersion", "1.1");
            record.put("eventSource", "aws:dynamodb");
            record.put("awsRegion", REGION);
            ObjectNode dynamodb = record.putObject("dynamodb");
            dynamodb.put("ApproximateCreationDateTime", event.time().orElse(TIME).getEpochSecond());
            dynamodb.set("Keys", DynamoDbValues.item(RawJson.MAPPER.valueToTree(change.key())));
            if (change.after() != null) {
                dynamodb.set("NewImage", DynamoDbValues.item(RawJson.MAPPER.valueToTree(change.after())));
            }
            if (change.before() != null) {
                dynamodb.set("OldImage", DynamoDbValues.item(RawJson.MAPPER.valueToTree(change.before())));
            }
            dynamodb.put("SequenceNumber", event.id());
            dynamodb.put("SizeBytes", 64);
            dynamodb.put("StreamViewType", "NEW_AND_OLD_IMAGES");
            record.put("eventSourceARN", "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + table
                    + "/stream/2026-01-01T00:00:00.000");
        }
        return RawJson.compact(root);
    }

    /**
     * @param partitionKey the partition key of every record
     * @param bodies       the record payloads, in shard order
     * @return a Kinesis batch from stream {@code test-stream}, data base64-encoded, event ids
     *         {@code shardId-000000000000:<sequence number>}
     */
    public static byte[] kinesis(String partitionKey, List<String> bodies) {
        List<Event<byte[]>> records = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            records.add(Event.<byte[]>builder().id("49590338271490256608559692538361571095921575989136588"
                    + String.format("%03d", i)).source("test-stream").type("aws:kinesis:record").trigger(Trigger.STREAM)
                    .time(TIME.plusMillis(i)).attribute(PARTITION_KEY, partitionKey)
                    .data(bodies.get(i).getBytes(StandardCharsets.UTF_8)).build());
        }
        return kinesisRecords("test-stream", records);
    }

    /**
     * Encodes portable stream records as one Kinesis batch: each record's id is its sequence number, its
     * {@code partitionKey} attribute the partition key (else its id), its data base64-encoded, its time the
     * approximate arrival.
     *
     * @param stream  the stream name, in the records' {@code eventSourceARN}
     * @param records the records, in shard order
     * @return the Kinesis event
     */
    public static byte[] kinesisRecords(String stream, List<? extends Event<?>> records) {
        ObjectNode root = RawJson.object();
        ArrayNode array = root.putArray("Records");
        for (Event<?> event : records) {
            ObjectNode record = array.addObject();
            ObjectNode kinesis = record.putObject("kinesis");
            kinesis.put("kinesisSchemaVersion", "1.0");
            kinesis.put("partitionKey", event.attribute(PARTITION_KEY).orElse(event.id()));
            kinesis.put("sequenceNumber", event.id());
            kinesis.put("data", Base64.getEncoder().encodeToString(Events.bytesOf(event.data())));
            kinesis.put("approximateArrivalTimestamp", event.time().orElse(TIME).toEpochMilli() / 1000.0);
            record.put("eventSource", "aws:kinesis");
            record.put("eventVersion", "1.0");
            record.put("eventID", "shardId-000000000000:" + event.id());
            record.put("eventName", "aws:kinesis:record");
            record.put("invokeIdentityArn", "arn:aws:iam::" + ACCOUNT + ":role/lambda-role");
            record.put("awsRegion", REGION);
            record.put("eventSourceARN", "arn:aws:kinesis:" + REGION + ":" + ACCOUNT + ":stream/" + stream);
        }
        return RawJson.compact(root);
    }

    /** @return a message's data as the text a provider sends: text as it is, bytes as UTF-8, anything else as JSON */
    static String text(Object data) {
        if (data instanceof String text) {
            return text;
        }
        return new String(data instanceof byte[] bytes ? bytes : Events.bytesOf(data), StandardCharsets.UTF_8);
    }

    /**
     * @param index the position in a batch, from 0
     * @return the message id the builders give that position: {@code message-<index + 1>}
     */
    public static String messageId(int index) {
        return "message-" + (index + 1);
    }

    private static String md5(String text) {
        try {   // cloning a digest is cheaper than looking the algorithm up again
            MessageDigest digest = (MessageDigest) MD5.clone();
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JVM's MD5 digest cannot be cloned", e);
        }
    }

    private static MessageDigest md5Prototype() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
