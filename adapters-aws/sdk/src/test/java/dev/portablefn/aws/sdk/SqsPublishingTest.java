package dev.portablefn.aws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.Provider;
import dev.portablefn.api.TraceContext;
import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import dev.portablefn.runtime.internal.outbound.CurrentInvocation;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import dev.portablefn.runtime.internal.trace.TraceHeaders;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Publishes to real SQS queues: ElasticMQ (the SQS protocol server, in-process on a free loopback port) with
 * standard and FIFO queues. Proves that a message arrives with its body, its attributes, the {@code traceparent}
 * and the X-Ray {@code AWSTraceHeader} of the publishing invocation, and on FIFO with its group and deduplication
 * ids; that what SQS received, handed to {@link LambdaHandler} as Lambda's SQS event, reaches the subscriber with the
 * same data, attributes and trace; that queues given by ARN are found; and that a queue that does not exist is a
 * permanent failure naming the logical destination.
 */
class SqsPublishingTest {

    private static final ObjectMapper JSON = JacksonCodec.standard().mapper();
    private static final TraceContext PUBLISHER_TRACE =
            TraceHeaders.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();

    private static SQSRestServer server;
    private static URI endpoint;
    private static SqsClient sqs;

    @BeforeAll
    static void startElasticMq() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = server.waitUntilStarted().localAddress().getPort();
        endpoint = URI.create("http://127.0.0.1:" + port);
        sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .build();
    }

    @AfterAll
    static void stopElasticMq() {
        sqs.close();
        server.stopAndWait();
    }

    private static String createQueue(String name, boolean fifo) {
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        if (fifo) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
        }
        return sqs.createQueue(request -> request.queueName(name).attributes(attributes)).queueUrl();
    }

    private static AwsPublisher publisher(Map<String, String> settings) {
        return new AwsPublisher(LogicalNames.from(settings::get), AwsClients.at(endpoint, Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))));
    }

    /** Runs {@code call} as the function of an invocation that carries the publisher's trace. */
    private static <T> T inInvocation(Supplier<T> call) {
        Context context = Context.builder().provider(Provider.AWS).requestId("publisher-1").functionName("checkout")
                .deadline(Instant.now().plusSeconds(30)).trace(PUBLISHER_TRACE).build();
        Context outer = CurrentInvocation.onThisThread().enter(context);
        try {
            return call.get();
        } finally {
            CurrentInvocation.onThisThread().exit(outer);
        }
    }

    private static Message receiveOne(String queueUrl) {
        List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(1)
                .waitTimeSeconds(5).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertThat(messages).as("a message within the 5 s long poll").hasSize(1);
        return messages.get(0);
    }

    /** Lambda's SQS event for one received message, as the event source mapping builds it. */
    private static byte[] lambdaEvent(Message message, String queueArn) throws Exception {
        ObjectNode record = JSON.createObjectNode()
                .put("messageId", message.messageId())
                .put("receiptHandle", message.receiptHandle())
                .put("body", message.body())
                .put("md5OfBody", message.md5OfBody())
                .put("eventSource", "aws:sqs")
                .put("eventSourceARN", queueArn)
                .put("awsRegion", "us-east-1");
        ObjectNode system = record.putObject("attributes");
        message.attributesAsStrings().forEach(system::put);
        ObjectNode attributes = record.putObject("messageAttributes");
        message.messageAttributes().forEach((name, value) -> attributes.putObject(name)
                .put("stringValue", value.stringValue()).put("dataType", value.dataType())
                .putArray("stringListValues"));
        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").add(record);
        return JSON.writeValueAsBytes(event);
    }

    record Order(String orderId) {
    }

    /** The subscriber: records what each invocation saw. */
    static final class Subscriber implements EventFunction<Order> {
        final List<Event<Order>> events = new ArrayList<>();
        final List<TraceContext> traces = new ArrayList<>();

        @Override
        public void handle(Event<Order> event, Context context) {
            events.add(event);
            traces.add(context.trace().orElse(null));
        }
    }

    private static Subscriber deliverToLambda(Message message, String queueArn) throws Exception {
        Subscriber subscriber = new Subscriber();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        new LambdaHandler(subscriber).handleRequest(new ByteArrayInputStream(lambdaEvent(message, queueArn)), response,
                FakeLambdaContext.of("subscriber-1", "fulfilment", 30_000));
        assertThat(response.toString(StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
        return subscriber;
    }

    @Test
    void standardQueueMessageCarriesBodyAttributesAndTraceToTheSubscriber() throws Exception {
        String queue = "orders-" + UUID.randomUUID();
        String queueUrl = createQueue(queue, false);
        String body = "{\"orderId\":\"o-1\"}";

        try (AwsPublisher publisher = publisher(Map.of("PORTABLEFN_DESTINATION_ORDERS", queueUrl))) {
            String id = inInvocation(() -> publisher.publish("orders", body, Map.of("kind", "created")));

            Message received = receiveOne(queueUrl);
            assertThat(received.messageId()).isEqualTo(id);
            assertThat(received.body()).isEqualTo(body);
            assertThat(received.messageAttributes()).containsOnlyKeys("kind", "traceparent");
            assertThat(received.messageAttributes().get("kind").stringValue()).isEqualTo("created");
            assertThat(received.messageAttributes().get("traceparent").stringValue())
                    .isEqualTo(PUBLISHER_TRACE.toTraceparent());
            assertThat(received.attributesAsStrings().get("AWSTraceHeader"))
                    .isEqualTo("Root=1-4bf92f35-77b34da6a3ce929d0e0e4736;Parent=00f067aa0ba902b7;Sampled=1");

            Subscriber subscriber = deliverToLambda(received, "arn:aws:sqs:us-east-1:000000000000:" + queue);
            assertThat(subscriber.events).singleElement().satisfies(event -> {
                assertThat(event.id()).isEqualTo(id);
                assertThat(event.data()).isEqualTo(new Order("o-1"));
                assertThat(event.attributes()).containsEntry("kind", "created")
                        .containsEntry("traceparent", PUBLISHER_TRACE.toTraceparent());
            });
            assertThat(subscriber.traces).singleElement().satisfies(trace ->
                    assertThat(trace.traceId()).isEqualTo(PUBLISHER_TRACE.traceId()));
        }
    }

    @Test
    void fifoQueueMessageCarriesGroupAndDeduplicationIdsToTheSubscriber() throws Exception {
        String queue = "payments-" + UUID.randomUUID() + ".fifo";
        String queueUrl = createQueue(queue, true);

        try (AwsPublisher publisher = publisher(Map.of("PORTABLEFN_DESTINATION_PAYMENTS", queueUrl))) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put(AwsPublisher.MESSAGE_GROUP_ID, "customer-7");
            attributes.put(AwsPublisher.MESSAGE_DEDUPLICATION_ID, "payment-42");
            attributes.put("currency", "EUR");
            String id = inInvocation(() -> publisher.publish("payments", "{\"orderId\":\"o-2\"}", attributes));

            Message received = receiveOne(queueUrl);
            assertThat(received.messageId()).isEqualTo(id);
            assertThat(received.attributesAsStrings())
                    .containsEntry("MessageGroupId", "customer-7")
                    .containsEntry("MessageDeduplicationId", "payment-42")
                    .containsKey("AWSTraceHeader");
            // On FIFO the ids are the message's own fields, not attributes.
            assertThat(received.messageAttributes()).containsOnlyKeys("currency", "traceparent");

            Subscriber subscriber = deliverToLambda(received, "arn:aws:sqs:us-east-1:000000000000:" + queue);
            assertThat(subscriber.events).singleElement().satisfies(event -> {
                assertThat(event.data()).isEqualTo(new Order("o-2"));
                assertThat(event.attributes())
                        .containsEntry(AwsPublisher.MESSAGE_GROUP_ID, "customer-7")
                        .containsEntry(AwsPublisher.MESSAGE_DEDUPLICATION_ID, "payment-42")
                        .containsEntry("currency", "EUR");
            });
            assertThat(subscriber.traces.get(0).traceId()).isEqualTo(PUBLISHER_TRACE.traceId());
        }
    }

    @Test
    void fifoQueueWithoutAGroupIdIsRefusedBeforeTheCall() {
        String queueUrl = createQueue("refunds-" + UUID.randomUUID() + ".fifo", true);
        try (AwsPublisher publisher = publisher(Map.of("PORTABLEFN_DESTINATION_REFUNDS", queueUrl))) {
            assertThatThrownBy(() -> publisher.publish("refunds", "{}", Map.of()))
                    .isInstanceOf(PermanentFailure.class)
                    .hasMessageContaining("'refunds'").hasMessageContaining("messageGroupId");
        }
    }

    @Test
    void queueGivenByArnIsFoundByItsName() {
        String queue = "invoices-" + UUID.randomUUID();
        String queueUrl = createQueue(queue, false);
        try (AwsPublisher publisher = publisher(Map.of("PORTABLEFN_DESTINATION_INVOICES",
                "arn:aws:sqs:us-east-1:000000000000:" + queue))) {
            publisher.publish("invoices", "first", Map.of());
            publisher.publish("invoices", "second", Map.of());

            assertThat(receiveOne(queueUrl).body()).isIn("first", "second");
        }
    }

    @Test
    void missingQueueIsAPermanentFailureNamingTheDestination() {
        try (AwsPublisher publisher = publisher(Map.of("PORTABLEFN_DESTINATION_GHOSTS",
                endpoint + "/000000000000/no-such-queue-" + UUID.randomUUID()))) {
            assertThatThrownBy(() -> publisher.publish("ghosts", "boo", Map.of()))
                    .isInstanceOf(PermanentFailure.class)
                    .hasMessageContaining("SQS").hasMessageContaining("'ghosts'");
        }
    }

    @Test
    void missingQueueArnIsAPermanentFailureNamingTheDestination() {
        try (AwsPublisher publisher = publisher(Map.of("PORTABLEFN_DESTINATION_GHOSTS",
                "arn:aws:sqs:us-east-1:000000000000:no-such-queue-" + UUID.randomUUID()))) {
            assertThatThrownBy(() -> publisher.publish("ghosts", "boo", Map.of()))
                    .isInstanceOf(PermanentFailure.class)
                    .hasMessageContaining("'ghosts'");
        }
    }

    @Test
    void oversizeAndTooManyAttributesAreRefusedBeforeAnythingIsSent() {
        String queueUrl = createQueue("bulk-" + UUID.randomUUID(), false);
        try (AwsPublisher publisher = publisher(Map.of("PORTABLEFN_DESTINATION_BULK", queueUrl))) {
            // 256 KB of body plus one attribute: over by the attribute's name, type and value.
            assertThatThrownBy(() -> publisher.publish("bulk", "x".repeat(256 * 1024), Map.of("a", "b")))
                    .isInstanceOf(PermanentFailure.class).hasMessageContaining("over SQS's limit of 262144 bytes");
            Map<String, String> ten = new LinkedHashMap<>();
            for (int i = 0; i < 10; i++) {
                ten.put("a" + i, "v");
            }
            assertThatThrownBy(() -> inInvocation(() -> publisher.publish("bulk", "{}", ten)))
                    .isInstanceOf(PermanentFailure.class).hasMessageContaining("11 attributes (with the traceparent)");

            List<Message> left = sqs.receiveMessage(request -> request.queueUrl(queueUrl).waitTimeSeconds(0))
                    .messages();
            assertThat(left).isEmpty();
        }
    }
}
