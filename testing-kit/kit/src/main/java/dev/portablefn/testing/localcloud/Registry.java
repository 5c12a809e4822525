package dev.portablefn.testing.localcloud;

import dev.portablefn.api.PortableFunction;
import dev.portablefn.runtime.internal.FunctionRunner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The functions and resources of a LocalCloud by name (queues, topics, buckets, schedules, streams and
 * subscriptions) and how they are wired: which function each channel delivers to, and which subscriptions and
 * queues each topic and bucket fans out to. Names are unique across every kind of resource.
 */
final class Registry {

    /** What a resource name stands for. */
    enum Kind { QUEUE, FIFO_QUEUE, TOPIC, BUCKET, STREAM, TABLE, SCHEDULE, SUBSCRIPTION }

    private final Preset preset;
    private final AdapterDelivery adapters;
    private final Map<String, DeployedFunction> functions = new LinkedHashMap<>();
    // Insertion order is delivery order across channels, so that runs repeat.
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, Kind> resources = new HashMap<>();
    private final Map<String, List<String>> topicTargets = new HashMap<>();
    private final Map<String, List<String>> bucketTargets = new HashMap<>();

    Registry(Preset preset, AdapterDelivery adapters) {
        this.preset = preset;
        this.adapters = adapters;
    }

    // ---------------------------------------------------------------- adding

    void deploy(String name, Object function, FunctionOptions options) {
        requireName(name);
        if (functions.containsKey(name)) {
            throw new IllegalArgumentException("a function named '" + name + "' is already deployed");
        }
        PortableFunction portable = adapters.withCloudDeadLetters(PortableFunction.of(function));
        functions.put(name, new DeployedFunction(name, FunctionRunner.of(portable), adapters.behindAdapter(portable),
                Objects.requireNonNull(options, "options")));
    }

    Channel addChannel(String name, Kind kind, DeliveryPolicy policy, boolean ordered) {
        addResource(name, kind);
        Channel channel = new Channel(name, kind, Objects.requireNonNull(policy, "policy"), ordered);
        channels.put(name, channel);
        return channel;
    }

    void addTopic(String name) {
        addResource(name, Kind.TOPIC);
        topicTargets.put(name, new ArrayList<>());
    }

    void addBucket(String name) {
        addResource(name, Kind.BUCKET);
        bucketTargets.put(name, new ArrayList<>());
    }

    /** A schedule is a channel of ticks delivered to its function with the preset's async-invocation policy. */
    void addSchedule(String name, String function) {
        functionNamed(function);
        Channel channel = addChannel(name, Kind.SCHEDULE, preset.asyncInvocation(), false);
        channel.subscriber = function;
    }

    /** @see LocalCloud#subscribe(String, String) */
    void subscribe(String source, String target) {
        Kind kind = resources.get(source);
        if (kind == null) {
            throw new IllegalArgumentException("no queue, stream, table, topic or bucket named '" + source
                    + "'; create it first (createQueue, createTopic, ...)");
        }
        boolean toFunction = functions.containsKey(target);
        if (!toFunction && !isQueue(target)) {
            throw new IllegalArgumentException("no function or queue named '" + target
                    + "'; deploy(..) the function or createQueue(..) first");
        }
        switch (kind) {
            case QUEUE, FIFO_QUEUE, STREAM, TABLE -> {
                if (!toFunction) {
                    throw new IllegalArgumentException(kind + " '" + source + "' can only deliver to a function, not to queue '"
                            + target + "'; use a topic to fan out");
                }
                Channel channel = channels.get(source);
                if (channel.subscriber != null && !channel.subscriber.equals(target)) {
                    throw new IllegalArgumentException("'" + source + "' already delivers to function '"
                            + channel.subscriber + "'; use a topic to fan out to several functions");
                }
                channel.subscriber = target;
            }
            case TOPIC -> topicTargets.get(source).add(toFunction
                    ? subscriptionChannel(source, Kind.TOPIC, target, preset.topicSubscription()) : target);
            case BUCKET -> bucketTargets.get(source).add(toFunction
                    ? subscriptionChannel(source, Kind.BUCKET, target, preset.asyncInvocation()) : target);
            default -> throw new IllegalArgumentException("'" + source + "' is a " + kind + " and cannot be subscribed to");
        }
    }

    /** @return the channel's dead-letter queue, created with the preset's queue policy on first use */
    Channel deadLetterQueueOf(Channel channel) {
        String name = channel.deadLetterQueueName();
        Channel queue = channels.get(name);
        return queue != null ? queue : addChannel(name, Kind.QUEUE, preset.queue(), false);
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a LocalCloud resource needs a non-blank name");
        }
    }

    private void addResource(String name, Kind kind) {
        requireName(name);
        Kind existing = resources.get(name);
        if (existing != null) {
            throw new IllegalArgumentException("a " + existing.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " named '" + name + "' already exists");
        }
        resources.put(name, kind);
    }

    /** A function's subscription to a topic or bucket: a channel delivering what {@code sourceKind} sends. */
    private String subscriptionChannel(String source, Kind sourceKind, String function, DeliveryPolicy policy) {
        String name = source + "." + function;
        addResource(name, Kind.SUBSCRIPTION);
        Channel channel = new Channel(name, sourceKind, policy, false);
        channels.put(name, channel);
        channel.subscriber = function;
        return name;
    }

    // ---------------------------------------------------------------- looking up

    /** @return the function, or {@code null}; for the delivery loop, which only meets deployed names */
    DeployedFunction function(String name) {
        return functions.get(name);
    }

    DeployedFunction functionNamed(String name) {
        DeployedFunction deployed = functions.get(name);
        if (deployed == null) {
            throw new IllegalArgumentException("no function named '" + name + "'; deploy it first; deployed: "
                    + functions.keySet());
        }
        return deployed;
    }

    /** @return every channel, in the order they were created */
    Collection<Channel> channels() {
        return channels.values();
    }

    /** @return the channel, or {@code null} */
    Channel channel(String name) {
        return channels.get(name);
    }

    /** @return the channel, for inspection */
    Channel channelNamed(String name) {
        Channel channel = channels.get(name);
        if (channel == null) {
            throw new IllegalArgumentException("no queue named '" + name + "'; known: " + channels.keySet());
        }
        return channel;
    }

    Channel channelOf(String name, Kind expected) {
        Kind kind = resources.get(name);
        if (kind != expected) {
            throw new IllegalArgumentException("no " + expected.name().toLowerCase(Locale.ROOT) + " named '"
                    + name + "'" + (kind == null ? "; create it first" : "; it is a " + kind));
        }
        return channels.get(name);
    }

    /** @return the queue (standard or FIFO) to send to */
    Channel queueNamed(String name) {
        if (!isQueue(name)) {
            throw new IllegalArgumentException("no queue named '" + name + "'; create it with createQueue or createFifoQueue"
                    + (resources.containsKey(name) ? " (it is a " + resources.get(name) + ")" : ""));
        }
        return channels.get(name);
    }

    boolean isQueue(String name) {
        Kind kind = resources.get(name);
        return kind == Kind.QUEUE || kind == Kind.FIFO_QUEUE;
    }

    boolean isTopic(String name) {
        return topicTargets.containsKey(name);
    }

    boolean isSubscription(String name) {
        return resources.get(name) == Kind.SUBSCRIPTION;
    }

    /** @return the subscriptions and queues the topic fans out to, or {@code null} when there is no such topic */
    List<String> topicTargets(String topic) {
        return topicTargets.get(topic);
    }

    /** @return the subscriptions and queues the bucket's storage events go to, or {@code null} when there is no such bucket */
    List<String> bucketTargets(String bucket) {
        return bucketTargets.get(bucket);
    }
}
