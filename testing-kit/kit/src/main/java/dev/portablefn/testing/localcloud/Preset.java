package dev.portablefn.testing.localcloud;

import dev.portablefn.api.Provider;
import java.time.Duration;
import java.util.Objects;

/**
 * The delivery defaults LocalCloud uses for each kind of source, reproducing one provider's defaults
 * (see the table in the testing kit's README). Immutable; {@code with…} methods make changed copies.
 *
 * @param provider          the provider reproduced, {@link Provider#LOCAL} for LocalCloud's own defaults
 * @param queue             standard queues (SQS, Azure Queue Storage, Pub/Sub subscription)
 * @param fifoQueue         FIFO queues with message groups (SQS FIFO, Service Bus sessions, Pub/Sub ordering keys)
 * @param topicSubscription a topic's subscription of a function (SNS → Lambda, Service Bus topic, Pub/Sub push)
 * @param asyncInvocation   bucket and schedule events to a function (Lambda async, Event Grid, Eventarc)
 * @param stream            streams, ordered per partition key (Kinesis, Event Hubs, Pub/Sub ordering keys)
 * @param function          functions deployed without their own options
 */
public record Preset(Provider provider, DeliveryPolicy queue, DeliveryPolicy fifoQueue,
                     DeliveryPolicy topicSubscription, DeliveryPolicy asyncInvocation, DeliveryPolicy stream,
                     FunctionOptions function) {

    /** @throws NullPointerException if a part is missing */
    public Preset {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(fifoQueue, "fifoQueue");
        Objects.requireNonNull(topicSubscription, "topicSubscription");
        Objects.requireNonNull(asyncInvocation, "asyncInvocation");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(function, "function");
    }

    /**
     * @param provider the provider to reproduce
     * @return its defaults
     */
    public static Preset of(Provider provider) {
        return switch (Objects.requireNonNull(provider, "provider")) {
            case AWS -> aws();
            case AZURE -> azure();
            case GCP -> gcp();
            case LOCAL -> local();
        };
    }

    private static Preset aws() {
        // SQS + Lambda event source mapping: visibility 30 s, batch 10, redrive after maxReceiveCount (ours: 3).
        DeliveryPolicy sqs = new DeliveryPolicy(Duration.ofSeconds(30), 3, Backoff.visibilityTimeout(), 10, "-dlq");
        // Lambda asynchronous invocation (SNS, S3, EventBridge): 2 retries, ~1 min then ~2 min apart.
        DeliveryPolicy async = new DeliveryPolicy(Duration.ofMinutes(15), 3,
                Backoff.exponential(Duration.ofMinutes(1), 2.0, Duration.ofMinutes(2)), 1, "-dlq");
        // Kinesis: batch 100, retried at once; AWS retries until the record expires, we bound it to 5.
        DeliveryPolicy kinesis = new DeliveryPolicy(Duration.ofMinutes(15), 5, Backoff.fixed(Duration.ZERO), 100,
                "-failures");
        return new Preset(Provider.AWS, sqs, sqs, async, async, kinesis,
                new FunctionOptions(1000, Duration.ofSeconds(3), Duration.ZERO));
    }

    private static Preset azure() {
        // Queue Storage trigger: one message per invocation, 10 min lease, host.json visibilityTimeout 0,
        // maxDequeueCount 5, then <queue>-poison.
        DeliveryPolicy queueStorage = new DeliveryPolicy(Duration.ofMinutes(10), 5, Backoff.fixed(Duration.ZERO), 1,
                "-poison");
        // Service Bus (sessions for FIFO, topic subscriptions): lock 60 s, MaxDeliveryCount 10, abandon redelivers at once.
        DeliveryPolicy serviceBus = new DeliveryPolicy(Duration.ofSeconds(60), 10, Backoff.fixed(Duration.ZERO), 1,
                "/$deadletterqueue");
        // Event Grid (blob events): up to 30 attempts with growing delays; jitter left out for determinism.
        DeliveryPolicy eventGrid = new DeliveryPolicy(Duration.ofSeconds(30), 30,
                Backoff.exponential(Duration.ofSeconds(10), 2.0, Duration.ofHours(1)), 1, "-deadletter");
        // Event Hubs: no per-record retry; a failed record is checkpointed past. LocalCloud keeps it in <hub>-failures.
        DeliveryPolicy eventHubs = new DeliveryPolicy(Duration.ofMinutes(5), 1, Backoff.fixed(Duration.ZERO), 100,
                "-failures");
        return new Preset(Provider.AZURE, queueStorage, serviceBus, serviceBus, eventGrid, eventHubs,
                new FunctionOptions(200, Duration.ofMinutes(5), Duration.ZERO));
    }

    private static Preset gcp() {
        // Pub/Sub subscription: ack deadline 10 s, retry policy 10 s..600 s exponential,
        // dead-letter topic after 5 delivery attempts.
        DeliveryPolicy pubsub = new DeliveryPolicy(Duration.ofSeconds(10), 5,
                Backoff.exponential(Duration.ofSeconds(10), 2.0, Duration.ofSeconds(600)), 1, "-dead-letter");
        return new Preset(Provider.GCP, pubsub, pubsub, pubsub, pubsub, pubsub,
                new FunctionOptions(100, Duration.ofSeconds(60), Duration.ZERO));
    }

    private static Preset local() {
        DeliveryPolicy policy = new DeliveryPolicy(Duration.ofSeconds(30), 3,
                Backoff.exponential(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60)), 1, "-dlq");
        return new Preset(Provider.LOCAL, policy, policy, policy, policy, policy.withBatchSize(10),
                new FunctionOptions(100, Duration.ofSeconds(30), Duration.ZERO));
    }

    /** @param policy standard queue policy @return a changed copy */
    public Preset withQueue(DeliveryPolicy policy) {
        return new Preset(provider, policy, fifoQueue, topicSubscription, asyncInvocation, stream, function);
    }

    /** @param policy FIFO queue policy @return a changed copy */
    public Preset withFifoQueue(DeliveryPolicy policy) {
        return new Preset(provider, queue, policy, topicSubscription, asyncInvocation, stream, function);
    }

    /** @param policy topic subscription policy @return a changed copy */
    public Preset withTopicSubscription(DeliveryPolicy policy) {
        return new Preset(provider, queue, fifoQueue, policy, asyncInvocation, stream, function);
    }

    /** @param policy bucket and schedule delivery policy @return a changed copy */
    public Preset withAsyncInvocation(DeliveryPolicy policy) {
        return new Preset(provider, queue, fifoQueue, topicSubscription, policy, stream, function);
    }

    /** @param policy stream policy @return a changed copy */
    public Preset withStream(DeliveryPolicy policy) {
        return new Preset(provider, queue, fifoQueue, topicSubscription, asyncInvocation, policy, function);
    }

    /** @param options default function options @return a changed copy */
    public Preset withFunction(FunctionOptions options) {
        return new Preset(provider, queue, fifoQueue, topicSubscription, asyncInvocation, stream, options);
    }
}
