package dev.portablefn.aws.sdk;

import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import dev.portablefn.runtime.internal.outbound.OutboundCalls;
import dev.portablefn.runtime.internal.trace.TraceHeaders;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Publishes portable messages to SNS topics, SQS queues (standard and FIFO) and EventBridge buses, on the AWS SDK
 * for Java v2. Registered with {@link java.util.ServiceLoader}, so {@link Publisher#registered()} finds it when this
 * module is deployed. Each logical destination maps to a resource through its {@code PORTABLEFN_DESTINATION_<NAME>}
 * setting, whose value tells the service: a topic ARN, a queue URL or ARN, or a bus ARN.
 *
 * <p>Every message carries the invocation's trace as a {@code traceparent} attribute (and as SQS's
 * {@code AWSTraceHeader} or EventBridge's {@code TraceHeader} in X-Ray form). On a FIFO topic or queue the
 * attributes {@value #MESSAGE_GROUP_ID} (required) and {@value #MESSAGE_DEDUPLICATION_ID} (unless the queue
 * deduplicates by content) become the message's group and deduplication ids. What SNS or SQS would refuse
 * (over 256 KB, over 10 attributes, a reserved or malformed attribute name, an empty value) fails with a
 * {@link PermanentFailure} before any call; throttling, 5xx and timeouts with a
 * {@link dev.portablefn.api.RetryableException}. Clients are built on the first publish to each service and reused;
 * thread-safe.
 */
public final class AwsPublisher implements Publisher, AutoCloseable {

    /** The longest one call may take, when the invocation has longer left. */
    static final Duration CALL_TIMEOUT_CAP = Duration.ofSeconds(10);

    private final LogicalNames names;
    private final AwsClients clients;
    private final AwsClients.Lazy<SnsClient> sns;
    private final AwsClients.Lazy<SqsClient> sqs;
    private final AwsClients.Lazy<EventBridgeClient> eventBridge;
    /** Queue URLs looked up for queue ARNs, by ARN. */
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    /**
     * Makes a publisher that maps destinations through the function's environment and builds its clients on the
     * SDK's default region and credentials chains. {@link java.util.ServiceLoader} calls this.
     */
    public AwsPublisher() {
        this(LogicalNames.fromEnvironment(), AwsClients.fromDefaultChains());
    }

    AwsPublisher(LogicalNames names, AwsClients clients) {
        this.names = Objects.requireNonNull(names, "names");
        this.clients = Objects.requireNonNull(clients, "clients");
        // Lambdas, not method references: a method reference loads its client class now, a lambda on first use, so a
        // function that only publishes to SNS never loads the SQS and EventBridge clients.
        this.sns = clients.lazy("SNS", () -> SnsClient.builder());
        this.sqs = clients.lazy("SQS", () -> SqsClient.builder());
        this.eventBridge = clients.lazy("EventBridge", () -> EventBridgeClient.builder());
    }

    /**
     * Makes a publisher that calls one endpoint for every service (LocalStack, a test server) with the given region
     * and credentials, mapping destinations through the given settings instead of the environment.
     *
     * @param settings    looks up {@code PORTABLEFN_DESTINATION_<NAME>} settings; answers {@code null} for a
     *                    missing one
     * @param endpoint    the endpoint every call goes to
     * @param region      the region requests are signed for
     * @param credentials the credentials requests are signed with
     * @return the publisher
     */
    public static AwsPublisher withEndpoint(UnaryOperator<String> settings, URI endpoint, Region region,
                                            AwsCredentialsProvider credentials) {
        return new AwsPublisher(LogicalNames.from(settings), AwsClients.at(endpoint, region, credentials));
    }

    /**
     * Publishes one message to the resource the logical destination maps to.
     *
     * @param destination the logical destination
     * @param body        the message body; for EventBridge, a JSON object
     * @param attributes  message attributes; may be {@code null}
     * @return the message id SNS or SQS gave, or EventBridge's event id
     * @throws PermanentFailure                      when the destination is not configured, does not exist,
     *                                               refuses access or would refuse the message
     * @throws dev.portablefn.api.RetryableException when the service throttles, fails or does not answer in time
     */
    @Override
    public String publish(String destination, String body, Map<String, String> attributes) {
        AwsDestination target = AwsDestination.resolve(names, destination);
        Objects.requireNonNull(body, "body");
        Map<String, String> outgoing = OutboundCalls.withTrace(attributes);
        return switch (target.kind()) {
            case SNS_TOPIC -> publishToTopic(target, body, outgoing);
            case SQS_QUEUE_URL, SQS_QUEUE_ARN -> sendToQueue(target, body, outgoing);
            case EVENT_BUS -> putEvent(target, body, outgoing);
        };
    }

    private String publishToTopic(AwsDestination topic, String body, Map<String, String> attributes) {
        Map<String, String> ids = fifoIds(topic, attributes);
        checkMessage(topic, body, attributes);
        Map<String, software.amazon.awssdk.services.sns.model.MessageAttributeValue> snsAttributes =
                new LinkedHashMap<>();
        attributes.forEach((name, value) -> snsAttributes.put(name,
                software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder()
                        .dataType(MessageAttributes.STRING_TYPE).stringValue(value).build()));
        Duration timeout = OutboundCalls.callTimeout(topic.logical(), CALL_TIMEOUT_CAP);
        try {
            return sns.get().publish(request -> request.topicArn(topic.resource()).message(body)
                    .messageAttributes(snsAttributes)
                    .messageGroupId(ids.get(MESSAGE_GROUP_ID))
                    .messageDeduplicationId(ids.get(MESSAGE_DEDUPLICATION_ID))
                    .overrideConfiguration(call -> call.apiCallTimeout(timeout))).messageId();
        } catch (SdkException failure) {
            throw AwsFailures.classify(failure, "SNS", topic.logical(), "publishing to");
        }
    }

    private String sendToQueue(AwsDestination queue, String body, Map<String, String> attributes) {
        Map<String, String> ids = fifoIds(queue, attributes);
        checkMessage(queue, body, attributes);
        Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> sqsAttributes =
                new LinkedHashMap<>();
        attributes.forEach((name, value) -> sqsAttributes.put(name,
                software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder()
                        .dataType(MessageAttributes.STRING_TYPE).stringValue(value).build()));
        SendMessageRequest.Builder request = SendMessageRequest.builder()
                .queueUrl(queueUrl(queue))
                .messageBody(body)
                .messageAttributes(sqsAttributes)
                .messageGroupId(ids.get(MESSAGE_GROUP_ID))
                .messageDeduplicationId(ids.get(MESSAGE_DEDUPLICATION_ID));
        // SQS's own trace header, which X-Ray and Lambda read; the traceparent attribute carries the same trace.
        TraceHeaders.fromTraceparent(attributes.get(OutboundCalls.TRACEPARENT)).ifPresent(trace ->
                request.messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                        MessageSystemAttributeValue.builder().dataType(MessageAttributes.STRING_TYPE)
                                .stringValue(TraceHeaders.toXRay(trace)).build())));
        Duration timeout = OutboundCalls.callTimeout(queue.logical(), CALL_TIMEOUT_CAP);
        try {
            return sqs.get().sendMessage(request.overrideConfiguration(call -> call.apiCallTimeout(timeout)).build())
                    .messageId();
        } catch (SdkException failure) {
            throw AwsFailures.classify(failure, "SQS", queue.logical(), "sending to");
        }
    }

    private String queueUrl(AwsDestination queue) {
        if (queue.kind() == AwsDestination.Kind.SQS_QUEUE_URL) {
            return queue.resource();
        }
        String known = queueUrls.get(queue.resource());
        if (known != null) {
            return known;
        }
        Duration timeout = OutboundCalls.callTimeout(queue.logical(), CALL_TIMEOUT_CAP);
        try {
            String url = sqs.get().getQueueUrl(request -> request.queueName(queue.queueName())
                    .queueOwnerAWSAccountId(queue.account())
                    .overrideConfiguration(call -> call.apiCallTimeout(timeout))).queueUrl();
            queueUrls.put(queue.resource(), url);
            return url;
        } catch (SdkException failure) {
            throw AwsFailures.classify(failure, "SQS", queue.logical(), "looking up the queue URL of");
        }
    }

    private String putEvent(AwsDestination bus, String body, Map<String, String> attributes) {
        var entry = EventBridgeEvents.entry(bus, body, attributes);
        Duration timeout = OutboundCalls.callTimeout(bus.logical(), CALL_TIMEOUT_CAP);
        PutEventsResponse response;
        try {
            response = eventBridge.get().putEvents(request -> request.entries(entry)
                    .overrideConfiguration(call -> call.apiCallTimeout(timeout)));
        } catch (SdkException failure) {
            throw AwsFailures.classify(failure, "EventBridge", bus.logical(), "putting an event on");
        }
        PutEventsResultEntry result = response.hasEntries() && !response.entries().isEmpty()
                ? response.entries().get(0) : null;
        Integer failed = response.failedEntryCount();
        if ((failed != null && failed > 0) || result == null || result.errorCode() != null) {
            // PutEvents answers 200 and reports a refused entry in the entry itself.
            return throwEntryFailure(bus, result);
        }
        return result.eventId();
    }

    private static String throwEntryFailure(AwsDestination bus, PutEventsResultEntry result) {
        String code = result == null || result.errorCode() == null ? "InternalFailure" : result.errorCode();
        String message = result == null || result.errorMessage() == null ? "no entry result" : result.errorMessage();
        throw AwsFailures.classifyEntry(code, message, "EventBridge", bus.logical());
    }

    /**
     * Takes a FIFO destination's group and deduplication ids out of the attributes: on FIFO they are the message's
     * own fields, not attributes. On a standard topic or queue they stay attributes, as any other.
     */
    private static Map<String, String> fifoIds(AwsDestination destination, Map<String, String> attributes) {
        if (!destination.fifo()) {
            return Map.of();
        }
        String group = attributes.remove(MESSAGE_GROUP_ID);
        if (group == null || group.isBlank()) {
            throw new PermanentFailure(destination.service() + " FIFO destination '" + destination.logical()
                    + "' needs a '" + MESSAGE_GROUP_ID + "' attribute: the group its messages are ordered in");
        }
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put(MESSAGE_GROUP_ID, group);
        String deduplication = attributes.remove(MESSAGE_DEDUPLICATION_ID);
        if (deduplication != null) {
            ids.put(MESSAGE_DEDUPLICATION_ID, deduplication);
        }
        return ids;
    }

    private static void checkMessage(AwsDestination destination, String body, Map<String, String> attributes) {
        MessageAttributes.check(destination.service(), destination.logical(), attributes);
        OutboundCalls.checkSize(destination.logical(), MessageAttributes.size(body, attributes),
                MessageAttributes.MAX_MESSAGE_BYTES, destination.service());
    }

    /** Closes the SDK clients built so far; the publisher is not used after. */
    @Override
    public void close() {
        clients.close();
    }

    @Override
    public String toString() {
        return "AwsPublisher[" + clients + "]";
    }
}
