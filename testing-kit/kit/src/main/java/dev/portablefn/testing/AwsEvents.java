package dev.portablefn.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.api.http.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds AWS Lambda event payloads exactly as the services send them (field names, nesting, encodings
 * as in AWS's documentation and recorded events), as JSON bytes to hand to a {@code LambdaHandler} or
 * {@link FunctionTester#invoke(byte[])}. Region {@code us-east-1}, account {@code 123456789012}, times at
 * {@link TestClock#DEFAULT_START}; message ids are {@code message-1}, {@code message-2}, ... in batch order.
 */
public final class AwsEvents {

    static final String REGION = "us-east-1";
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
        ObjectNode root = RawJson.object();
        ArrayNode records = root.putArray("Records");
        long sent = TIME.toEpochMilli();
        for (int i = 0; i < bodies.size(); i++) {
            String body = bodies.get(i);
            ObjectNode record = records.addObject();
            record.put("messageId", messageId(i));
            record.put("receiptHandle", "AQEB" + Base64.getEncoder().encodeToString(("receipt-" + messageId(i))
                    .getBytes(StandardCharsets.UTF_8)));
            record.put("body", body);
            ObjectNode system = record.putObject("attributes");
            system.put("ApproximateReceiveCount", "1");
            system.put("SentTimestamp", Long.toString(sent));
            system.put("SenderId", "AROAIWPX5BD2BHG722MW4:sender");
            system.put("ApproximateFirstReceiveTimestamp", Long.toString(sent + 5));
            if (groupId != null) {
                system.put("SequenceNumber", "1884949646046769" + String.format("%04d", i));
                system.put("MessageGroupId", groupId);
                system.put("MessageDeduplicationId", md5(body));
            }
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            attributes.forEach((name, value) -> {
                ObjectNode attribute = messageAttributes.putObject(name);
                attribute.put("stringValue", value);
                attribute.putArray("stringListValues");
                attribute.putArray("binaryListValues");
                attribute.put("dataType", "String");
            });
            record.put("md5OfBody", md5(body));
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + queue);
            record.put("awsRegion", REGION);
        }
        return RawJson.bytes(root);
    }

    /**
     * @param request the portable request: method, path (or raw path), query, headers ({@code Cookie} goes to
     *                {@code cookies}) and body (text when it is UTF-8, else base64 with {@code isBase64Encoded})
     * @return an API Gateway HTTP API (payload format 2.0) request on route {@code $default}
     */
    public static byte[] apiGatewayV2(HttpRequest request) {
        ObjectNode root = RawJson.object();
        root.put("version", "2.0");
        root.put("routeKey", "$default");
        String rawPath = rawPath(request);
        root.put("rawPath", rawPath);
        StringBuilder query = new StringBuilder();
        ObjectNode parameters = RawJson.object();
        request.query().asMap().forEach((name, values) -> {
            for (String value : values) {
                query.append(query.length() == 0 ? "" : "&").append(encode(name)).append('=').append(encode(value));
            }
            parameters.put(name, String.join(",", values));
        });
        root.put("rawQueryString", query.toString());
        List<String> cookies = request.headers().all("cookie");
        if (!cookies.isEmpty()) {
            ArrayNode array = root.putArray("cookies");
            for (String header : cookies) {
                for (String cookie : header.split(";")) {
                    if (!cookie.isBlank()) {
                        array.add(cookie.trim());
                    }
                }
            }
        }
        ObjectNode headers = root.putObject("headers");
        request.headers().asMap().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("cookie")) {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        if (!headers.has("host")) {
            headers.put("host", "abcdef1234.execute-api." + REGION + ".amazonaws.com");
        }
        if (!parameters.isEmpty()) {
            root.set("queryStringParameters", parameters);
        }
        ObjectNode context = root.putObject("requestContext");
        context.put("accountId", ACCOUNT);
        context.put("apiId", "abcdef1234");
        context.put("domainName", "abcdef1234.execute-api." + REGION + ".amazonaws.com");
        context.put("domainPrefix", "abcdef1234");
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", rawPath);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "192.0.2.1");
        http.put("userAgent", request.header("user-agent").orElse("portablefn-testing"));
        context.put("requestId", "test-request-" + Integer.toHexString(rawPath.hashCode() & 0xfffff));
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("time", DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
                .format(TIME.atOffset(ZoneOffset.UTC)));
        context.put("timeEpoch", TIME.toEpochMilli());
        byte[] body = request.body();
        Optional<String> text = RawJson.utf8(body);
        if (body.length > 0) {
            root.put("body", text.orElseGet(() -> Base64.getEncoder().encodeToString(body)));
        }
        root.put("isBase64Encoded", body.length > 0 && text.isEmpty());
        return RawJson.bytes(root);
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
        ObjectNode root = RawJson.object();
        ObjectNode record = root.putArray("Records").addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", REGION);
        record.put("eventTime", TIME.toString());
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
        bucketNode.put("name", bucket);
        bucketNode.putObject("ownerIdentity").put("principalId", "A3NL1KOZZKExample");
        bucketNode.put("arn", "arn:aws:s3:::" + bucket);
        ObjectNode object = s3.putObject("object");
        object.put("key", URLEncoder.encode(key, StandardCharsets.UTF_8));
        if (eventName.startsWith("ObjectCreated")) {
            object.put("size", size);
            object.put("eTag", md5(bucket + "/" + key));
        }
        object.put("sequencer", "0055AED6DCD90281E5");
        return RawJson.bytes(root);
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
        String topic = "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":test-topic";
        ObjectNode root = RawJson.object();
        ObjectNode record = root.putArray("Records").addObject();
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", topic + ":2bcfbf39-05c3-41de-beaa-fcfcc21c8f55");
        record.put("EventSource", "aws:sns");
        ObjectNode sns = record.putObject("Sns");
        sns.put("SignatureVersion", "1");
        sns.put("Timestamp", TIME.toString());
        sns.put("Signature", "EXAMPLE");
        sns.put("SigningCertUrl", "https://sns." + REGION + ".amazonaws.com/SimpleNotificationService-0000000000.pem");
        sns.put("MessageId", messageId(0));
        sns.put("Message", message);
        ObjectNode messageAttributes = sns.putObject("MessageAttributes");
        attributes.forEach((name, value) -> {
            ObjectNode attribute = messageAttributes.putObject(name);
            attribute.put("Type", "String");
            attribute.put("Value", value);
        });
        sns.put("Type", "Notification");
        sns.put("UnsubscribeUrl", "https://sns." + REGION + ".amazonaws.com/?Action=Unsubscribe");
        sns.put("TopicArn", topic);
        sns.putNull("Subject");
        return RawJson.bytes(root);
    }

    /**
     * @param partitionKey the partition key of every record
     * @param bodies       the record payloads, in shard order
     * @return a Kinesis batch from stream {@code test-stream}, data base64-encoded, event ids
     *         {@code shardId-000000000000:<sequence number>}
     */
    public static byte[] kinesis(String partitionKey, List<String> bodies) {
        ObjectNode root = RawJson.object();
        ArrayNode records = root.putArray("Records");
        for (int i = 0; i < bodies.size(); i++) {
            String sequence = "49590338271490256608559692538361571095921575989136588" + String.format("%03d", i);
            ObjectNode record = records.addObject();
            ObjectNode kinesis = record.putObject("kinesis");
            kinesis.put("kinesisSchemaVersion", "1.0");
            kinesis.put("partitionKey", partitionKey);
            kinesis.put("sequenceNumber", sequence);
            kinesis.put("data", Base64.getEncoder().encodeToString(bodies.get(i).getBytes(StandardCharsets.UTF_8)));
            kinesis.put("approximateArrivalTimestamp", TIME.getEpochSecond() + i / 1000.0);
            record.put("eventSource", "aws:kinesis");
            record.put("eventVersion", "1.0");
            record.put("eventID", "shardId-000000000000:" + sequence);
            record.put("eventName", "aws:kinesis:record");
            record.put("invokeIdentityArn", "arn:aws:iam::" + ACCOUNT + ":role/lambda-role");
            record.put("awsRegion", REGION);
            record.put("eventSourceARN", "arn:aws:kinesis:" + REGION + ":" + ACCOUNT + ":stream/test-stream");
        }
        return RawJson.bytes(root);
    }

    /**
     * @param index the position in a batch, from 0
     * @return the message id the builders give that position: {@code message-<index + 1>}
     */
    public static String messageId(int index) {
        return "message-" + (index + 1);
    }

    static String rawPath(HttpRequest request) {
        if (request.rawPath() != null && !request.rawPath().isEmpty()) {
            return request.rawPath();
        }
        StringBuilder out = new StringBuilder();
        for (String segment : request.path().split("/", -1)) {
            if (out.length() > 0 || request.path().startsWith("/")) {
                out.append('/');
            }
            out.append(encode(segment).replace("+", "%20"));
        }
        String path = out.toString().replace("//", "/");
        return path.isEmpty() ? "/" : path;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
