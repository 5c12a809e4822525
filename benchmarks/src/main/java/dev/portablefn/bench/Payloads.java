package dev.portablefn.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portablefn.doubles.azure.FakeExecutionContext;
import dev.portablefn.doubles.azure.FakeHttpRequestMessage;
import dev.portablefn.doubles.gcp.FakeCloudEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The recorded payloads every benchmark and the cold-start harness send, loaded from {@code /events/}, and the
 * provider objects that carry them (built once, outside the measured calls, as the platforms build them before the
 * function runs).
 */
public final class Payloads {

    /** API Gateway HTTP API (payload 2.0) {@code POST /orders} with a JSON order. */
    public static final String AWS_HTTP_API_V2 = "/events/aws/apigw-v2-order.json";
    /** API Gateway HTTP API v2 {@code POST /courses} with the learning platform's {@code NewCourse} body. */
    public static final String AWS_HTTP_API_V2_COURSE = "/events/aws/apigw-v2-course.json";
    /** An SQS batch of 10 JSON orders. */
    public static final String AWS_SQS_BATCH_10 = "/events/aws/sqs-batch-10-orders.json";
    /** Pub/Sub {@code MessagePublishedData} carrying a JSON order. */
    public static final String GCP_PUBSUB = "/events/gcp/pubsub-order.json";
    /** The JSON order, as an HTTP body and as a queue message. */
    public static final String ORDER = "/events/azure/order.json";

    /** The headers the GCP and Azure HTTP benchmarks send. */
    public static final Map<String, List<String>> HTTP_HEADERS = Map.of(
            "Content-Type", List.of("application/json"),
            "User-Agent", List.of("curl/8.5.0"),
            "Accept", List.of("*/*"),
            "traceparent", List.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

    private Payloads() {
    }

    /** @param resource the resource path @return its bytes @throws UncheckedIOException if it is missing */
    public static byte[] bytes(String resource) {
        try (InputStream in = Payloads.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("benchmark payload " + resource + " is not on the classpath"));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read benchmark payload " + resource, e);
        }
    }

    /** @param resource the resource path @return its text, trimmed */
    public static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8).trim();
    }

    /**
     * Builds the Pub/Sub CloudEvent of the Pub/Sub benchmarks.
     *
     * @param id the event id
     * @return the Pub/Sub CloudEvent the Functions Framework builds from a push request carrying {@link #GCP_PUBSUB}:
     *         attributes and JSON data
     */
    public static FakeCloudEvent pubsubEvent(String id) {
        return FakeCloudEvent.builder().id(id).source("//pubsub.googleapis.com/projects/my-project/topics/orders")
                .type("google.cloud.pubsub.topic.v1.messagePublished").dataContentType("application/json")
                .time(OffsetDateTime.parse("2021-02-05T04:06:14.109Z")).data(bytes(GCP_PUBSUB)).build();
    }

    /**
     * Builds what the Functions host sends for the Azure HTTP benchmarks.
     *
     * @return the HTTP trigger request the Functions host sends the Java worker: {@code POST
     *         https://orders.azurewebsites.net/api/orders} with {@link #singleValuedHeaders()}; bind a request message
     *         over it per call, as the worker does
     */
    public static FakeHttpRequestMessage.HostRequest azureHttpRequest() {
        return FakeHttpRequestMessage.HostRequest.of("POST", "https://orders.azurewebsites.net/api/orders",
                singleValuedHeaders());
    }

    /**
     * Builds the execution context of the Azure benchmarks.
     *
     * @param invocationId the invocation id
     * @return the execution context the Java worker passes function {@code orders}: a JUL logger and the W3C trace
     *         context the host sent, made once per invocation
     */
    public static FakeExecutionContext executionContext(String invocationId) {
        return FakeExecutionContext.builder().invocationId(invocationId).functionName("orders")
                .traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").build();
    }

    /** @return {@link #HTTP_HEADERS} with one value per name, as the Azure worker passes them */
    public static Map<String, String> singleValuedHeaders() {
        Map<String, String> single = new java.util.HashMap<>();
        HTTP_HEADERS.forEach((name, values) -> single.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
        return Map.copyOf(single);
    }

    /**
     * Invokes a Lambda stream handler as the runtime client does: the event's bytes in, the response written out.
     *
     * @param handler the handler
     * @param event   the event's bytes
     * @param context Lambda's context
     * @return what the handler wrote
     * @throws IOException what the handler threw
     */
    public static ByteArrayOutputStream invokeLambda(RequestStreamHandler handler, byte[] event, Context context)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        handler.handleRequest(new ByteArrayInputStream(event), out, context);
        return out;
    }
}
