package dev.portablefn.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.doubles.gcp.FakeCloudEvent;
import dev.portablefn.doubles.gcp.FakeHttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Builds Google Cloud payloads as the Functions Framework receives them: structured-mode CloudEvents 1.0
 * JSON for Pub/Sub and Cloud Storage (the {@code data} shapes of googleapis/google-cloudevents:
 * {@code MessagePublishedData}, {@code StorageObjectData}), and raw HTTP/1.1 request bytes for HTTP functions.
 * Project {@code test-project}, times at {@link TestClock#DEFAULT_START}. Hand the CloudEvents to
 * {@link FunctionTester#invoke(byte[])}, or read one with {@link #cloudEvent(byte[])} for a {@code CloudEventsFunction}.
 */
public final class GcpEvents {

    static final String PROJECT = "test-project";
    private static final Instant TIME = TestClock.DEFAULT_START;

    private GcpEvents() {
    }

    /**
     * @param data the message data as text
     * @return a {@code google.cloud.pubsub.topic.v1.messagePublished} CloudEvent from topic {@code test-topic},
     *         message id {@code message-1}
     */
    public static byte[] pubsub(String data) {
        return pubsub(AwsEvents.messageId(0), data, Map.of());
    }

    /**
     * @param messageId  the Pub/Sub message id (also the CloudEvent id, as Eventarc sets it)
     * @param data       the message data as text (sent base64-encoded, as Pub/Sub does)
     * @param attributes the message attributes
     * @return a {@code google.cloud.pubsub.topic.v1.messagePublished} CloudEvent from topic {@code test-topic}
     */
    public static byte[] pubsub(String messageId, String data, Map<String, String> attributes) {
        ObjectNode root = envelope(messageId, "//pubsub.googleapis.com/projects/" + PROJECT + "/topics/test-topic",
                "google.cloud.pubsub.topic.v1.messagePublished");
        ObjectNode body = root.putObject("data");
        ObjectNode message = body.putObject("message");
        if (!attributes.isEmpty()) {
            ObjectNode attributeNode = message.putObject("attributes");
            attributes.forEach(attributeNode::put);
        }
        message.put("data", Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8)));
        message.put("messageId", messageId);
        message.put("publishTime", TIME.toString());
        body.put("subscription", "projects/" + PROJECT + "/subscriptions/test-subscription");
        return RawJson.bytes(root);
    }

    /**
     * @param bucket the bucket
     * @param name   the object name
     * @param size   the object size in bytes
     * @return a {@code google.cloud.storage.object.v1.finalized} CloudEvent (object created or overwritten)
     */
    public static byte[] storage(String bucket, String name, long size) {
        return storage("google.cloud.storage.object.v1.finalized", bucket, name, size);
    }

    /**
     * @param type   the Cloud Storage event type, such as {@code google.cloud.storage.object.v1.deleted}
     * @param bucket the bucket
     * @param name   the object name
     * @param size   the object size in bytes
     * @return the CloudEvent, subject {@code objects/<name>}, data a {@code StorageObjectData}
     */
    public static byte[] storage(String type, String bucket, String name, long size) {
        String generation = "1587627537231057";
        ObjectNode root = envelope(bucket + "/" + name + "/" + generation,
                "//storage.googleapis.com/projects/_/buckets/" + bucket, type);
        root.put("subject", "objects/" + name);
        ObjectNode data = root.putObject("data");
        data.put("kind", "storage#object");
        data.put("id", bucket + "/" + name + "/" + generation);
        data.put("selfLink", "https://www.googleapis.com/storage/v1/b/" + bucket + "/o/" + name);
        data.put("name", name);
        data.put("bucket", bucket);
        data.put("generation", generation);
        data.put("metageneration", "1");
        data.put("contentType", "application/octet-stream");
        data.put("timeCreated", TIME.toString());
        data.put("updated", TIME.toString());
        data.put("storageClass", "STANDARD");
        data.put("timeStorageClassUpdated", TIME.toString());
        data.put("size", Long.toString(size));
        data.put("md5Hash", md5Base64(bucket + "/" + name));
        data.put("crc32c", "AAAAAA==");
        data.put("etag", "CNHZkbuF/ugCEAE=");
        return RawJson.bytes(root);
    }

    /**
     * @param request the portable request
     * @return the HTTP/1.1 request bytes the Functions Framework receives for it (host {@code localhost:8080})
     */
    public static byte[] http(HttpRequest request) {
        return frameworkRequest(request).toBytes();
    }

    /** @return the request the Functions Framework would hand the function for a portable one (host localhost:8080) */
    static FakeHttpRequest frameworkRequest(HttpRequest request) {
        return FakeHttpRequest.builder(request.method(), RequestTargets.of(request)).headers(request.headers().asMap())
                .body(request.body()).build();
    }

    /**
     * Reads a structured-mode CloudEvent as the Functions Framework does: {@code data} (JSON kept as its JSON text, a
     * string as its UTF-8 bytes) or {@code data_base64}; every other attribute that is not a context attribute is an
     * extension.
     *
     * @param json a structured CloudEvent, such as {@link #pubsub(String)} returns
     * @return the event, for a {@code CloudEventsFunction}
     * @throws IllegalArgumentException naming the field when {@code id}, {@code source} or {@code type} is missing or
     *                                  a value is malformed
     */
    public static FakeCloudEvent cloudEvent(byte[] json) {
        return StructuredCloudEvents.read(json);
    }

    private static ObjectNode envelope(String id, String source, String type) {
        ObjectNode root = RawJson.object();
        root.put("specversion", "1.0");
        root.put("id", id);
        root.put("source", source);
        root.put("type", type);
        root.put("time", TIME.toString());
        root.put("datacontenttype", "application/json");
        return root;
    }

    private static String md5Base64(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
