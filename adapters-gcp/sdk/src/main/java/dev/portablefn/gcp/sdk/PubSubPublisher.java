package dev.portablefn.gcp.sdk;

import com.google.api.core.ApiFuture;
import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PublishRequest;
import com.google.pubsub.v1.PubsubMessage;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import dev.portablefn.runtime.internal.outbound.OutboundCalls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Publishes to Google Cloud Pub/Sub topics. {@code PORTABLEFN_DESTINATION_<NAME>} holds the topic path
 * ({@code projects/my-project/topics/orders}); credentials come from Application Default Credentials. A
 * {@code messageGroupId} attribute (the name LocalCloud and AWS FIFO use) becomes the message's ordering key, so the
 * same function code is FIFO on AWS and ordered on Google Cloud; every other attribute goes out as a Pub/Sub
 * attribute, with a {@code traceparent} continuing the invocation's trace. One client per topic is built on first
 * use and reused; {@link #close()} shuts them down.
 */
public final class PubSubPublisher implements Publisher, AutoCloseable {

    /** The attribute whose value becomes the message's ordering key; it is not sent as an attribute. */
    static final String ORDERING_KEY_ATTRIBUTE = MESSAGE_GROUP_ID;

    /** The longest one publish may take, retries included, when the invocation has more time left. */
    static final Duration CALL_CAP = Duration.ofSeconds(30);

    private static final long CLOSE_WAIT_SECONDS = 10;
    private static final String SERVICE = "Pub/Sub";
    private static final String EXAMPLE = "projects/my-project/topics/orders";
    private static final Pattern TOPIC_PATH = Pattern.compile("projects/[^/]+/topics/[^/]+");
    // Pub/Sub's documented limits on attributes and ordering keys.
    private static final int MAX_ATTRIBUTES = 100;
    private static final int MAX_ATTRIBUTE_NAME_BYTES = 256;
    private static final int MAX_ATTRIBUTE_VALUE_BYTES = 1024;
    private static final int MAX_ORDERING_KEY_BYTES = 1024;
    private static final RetrySettings RETRIES = RetrySettings.newBuilder()
            .setTotalTimeoutDuration(CALL_CAP)
            .setInitialRetryDelayDuration(Duration.ofMillis(100)).setRetryDelayMultiplier(2.0)
            .setMaxRetryDelayDuration(Duration.ofSeconds(5))
            .setInitialRpcTimeoutDuration(Duration.ofSeconds(10)).setRpcTimeoutMultiplier(1.5)
            .setMaxRpcTimeoutDuration(CALL_CAP)
            .build();

    private final LogicalNames names;
    private final TransportChannelProvider channels;
    private final CredentialsProvider credentials;
    private final ConcurrentMap<String, com.google.cloud.pubsub.v1.Publisher> clients = new ConcurrentHashMap<>();

    /** Creates a publisher that maps destinations through the environment and authenticates as the function. */
    public PubSubPublisher() {
        this(LogicalNames.fromEnvironment(), null, null);
    }

    /**
     * Creates a publisher with explicit settings, for tests and emulators.
     *
     * @param names       the logical-name mapping
     * @param channels    the gRPC channels to use, or {@code null} for Pub/Sub's own endpoint
     * @param credentials the credentials to send, or {@code null} for Application Default Credentials
     */
    PubSubPublisher(LogicalNames names, TransportChannelProvider channels, CredentialsProvider credentials) {
        this.names = Objects.requireNonNull(names, "names");
        this.channels = channels;
        this.credentials = credentials;
    }

    /**
     * Publishes one message and waits for Pub/Sub to confirm it, at most as long as the invocation has left.
     *
     * @param destination the logical destination
     * @param body        the message data, sent as UTF-8
     * @param attributes  the message attributes; {@code messageGroupId} becomes the ordering key
     * @return the message id Pub/Sub gave
     * @throws PermanentFailure   when the destination is not configured or not a topic path, an attribute or the
     *                            message breaks a Pub/Sub limit, the topic does not exist or access is refused
     * @throws RetryableException when Pub/Sub is unavailable or throttles, or the confirmation does not come in time
     */
    @Override
    public String publish(String destination, String body, Map<String, String> attributes) {
        String topic = topicFor(destination);
        Map<String, String> outgoing = OutboundCalls.withTrace(attributes);
        String orderingKey = Objects.requireNonNullElse(outgoing.remove(ORDERING_KEY_ATTRIBUTE), "");
        checkAttributes(destination, outgoing, orderingKey);
        ByteString data = body == null ? ByteString.EMPTY : ByteString.copyFromUtf8(body);
        if (data.isEmpty() && outgoing.isEmpty()) {
            throw new PermanentFailure("the message to '" + destination + "' has neither a body nor attributes;"
                    + " Pub/Sub refuses such a message");
        }
        PubsubMessage message = PubsubMessage.newBuilder().setData(data).putAllAttributes(outgoing)
                .setOrderingKey(orderingKey).build();
        OutboundCalls.checkSize(destination, requestBytes(topic, message),
                com.google.cloud.pubsub.v1.Publisher.getApiMaxRequestBytes(), SERVICE);
        Duration timeout = OutboundCalls.callTimeout(destination, CALL_CAP);
        com.google.cloud.pubsub.v1.Publisher client = clientFor(destination, topic);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int attempt = 1; ; attempt++) {
            if (!orderingKey.isEmpty()) {
                // The client pauses a key after a failed publish, for callers that do not wait. This one waits and
                // has seen the failure, so the function's retry (or its next message) must go out.
                client.resumePublish(orderingKey);
            }
            ApiFuture<String> messageId = client.publish(message);
            try {
                return messageId.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException failed) {
                // The client had not yet paused the key when it was resumed, and cancelled the message unsent.
                if (attempt == 1 && !orderingKey.isEmpty() && failed.getCause() instanceof CancellationException) {
                    continue;
                }
                throw GcpFailures.publishing(destination, topic, failed.getCause());
            } catch (TimeoutException late) {
                throw new RetryableException("Pub/Sub did not confirm the message to '" + destination + "' (topic "
                        + topic + ") within " + timeout.toMillis() + " ms; it may still arrive, so a retry may"
                        + " publish it twice");
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new RetryableException("interrupted while publishing to '" + destination + "'", interrupted);
            }
        }
    }

    /**
     * Shuts down every client this publisher built, waiting at most ten seconds for messages
     * still in flight (a client's own shutdown waits for them without a bound).
     */
    @Override
    public void close() {
        List<com.google.cloud.pubsub.v1.Publisher> open = new ArrayList<>(clients.values());
        clients.clear();
        if (open.isEmpty()) {
            return;
        }
        Thread closing = new Thread(() -> open.forEach(com.google.cloud.pubsub.v1.Publisher::shutdown),
                "portablefn-pubsub-close");
        closing.setDaemon(true);
        closing.start();
        try {
            closing.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "PubSubPublisher" + clients.keySet();
    }

    private String topicFor(String destination) {
        String topic = names.destination(destination, EXAMPLE);
        if (!TOPIC_PATH.matcher(topic).matches()) {
            throw new PermanentFailure(LogicalNames.settingFor(LogicalNames.DESTINATION_PREFIX, destination) + " is '"
                    + topic + "', which is not a Pub/Sub topic path: set it to projects/PROJECT/topics/TOPIC (for"
                    + " example " + EXAMPLE + ")");
        }
        return topic;
    }

    private static void checkAttributes(String destination, Map<String, String> attributes, String orderingKey) {
        String where = "the message to '" + destination + "'";
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new PermanentFailure(where + " has " + attributes.size() + " attributes; Pub/Sub takes at most "
                    + MAX_ATTRIBUTES);
        }
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            String name = attribute.getKey();
            if (name == null || name.isEmpty()) {
                throw new PermanentFailure(where + " has an attribute with an empty name; Pub/Sub refuses it");
            }
            if (name.startsWith("goog")) {
                throw new PermanentFailure(where + " has attribute '" + name + "'; Pub/Sub reserves names starting"
                        + " with 'goog'");
            }
            int nameBytes = utf8Length(name);
            if (nameBytes > MAX_ATTRIBUTE_NAME_BYTES) {
                throw new PermanentFailure(where + " has an attribute name of " + nameBytes + " bytes; Pub/Sub takes"
                        + " at most " + MAX_ATTRIBUTE_NAME_BYTES);
            }
            if (attribute.getValue() == null) {
                throw new PermanentFailure(where + " has attribute '" + name + "' without a value");
            }
            int valueBytes = utf8Length(attribute.getValue());
            if (valueBytes > MAX_ATTRIBUTE_VALUE_BYTES) {
                throw new PermanentFailure(where + " has attribute '" + name + "' with a value of " + valueBytes
                        + " bytes; Pub/Sub takes at most " + MAX_ATTRIBUTE_VALUE_BYTES);
            }
        }
        int keyBytes = utf8Length(orderingKey);
        if (keyBytes > MAX_ORDERING_KEY_BYTES) {
            throw new PermanentFailure(where + " has a " + ORDERING_KEY_ATTRIBUTE + " of " + keyBytes
                    + " bytes; Pub/Sub takes ordering keys of at most " + MAX_ORDERING_KEY_BYTES);
        }
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The size Pub/Sub counts against its request limit: the publish request carrying this one message. */
    private static long requestBytes(String topic, PubsubMessage message) {
        return PublishRequest.newBuilder().setTopic(topic).addMessages(message).build().getSerializedSize();
    }

    private com.google.cloud.pubsub.v1.Publisher clientFor(String destination, String topic) {
        com.google.cloud.pubsub.v1.Publisher client = clients.get(topic);
        return client != null ? client : clients.computeIfAbsent(topic, path -> build(destination, path));
    }

    private com.google.cloud.pubsub.v1.Publisher build(String destination, String topic) {
        // Ordering is enabled on every client: messages without a key are published as before, and one client per
        // topic serves both kinds.
        com.google.cloud.pubsub.v1.Publisher.Builder builder = com.google.cloud.pubsub.v1.Publisher.newBuilder(topic)
                .setEnableMessageOrdering(true)
                .setRetrySettings(RETRIES);
        if (channels != null) {
            builder.setChannelProvider(channels);
        }
        if (credentials != null) {
            builder.setCredentialsProvider(credentials);
        }
        try {
            return builder.build();
        } catch (IOException | RuntimeException failed) {
            throw new PermanentFailure("cannot create the Pub/Sub client for '" + destination + "' (topic " + topic
                    + "): " + OutboundCalls.redact(failed.getMessage())
                    + "; the function needs Application Default Credentials", failed);
        }
    }
}
