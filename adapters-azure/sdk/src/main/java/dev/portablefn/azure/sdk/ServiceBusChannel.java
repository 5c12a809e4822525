package dev.portablefn.azure.sdk;

import com.azure.core.amqp.AmqpRetryOptions;
import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.ServiceBusMessage;
import com.azure.messaging.servicebus.ServiceBusSenderAsyncClient;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.runtime.internal.outbound.OutboundCalls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends to Service Bus queues and topics over AMQP. Attributes become application properties; the trace goes in
 * {@code traceparent} and in {@code Diagnostic-Id} (the property Azure SDK diagnostics read, with the same W3C
 * value); {@value #GROUP} becomes the session id and {@value #DEDUPLICATION} the message id. One connection per
 * instance, one sender per entity, both made on first use.
 */
final class ServiceBusChannel {

    /** The portable attribute naming an ordered group (LocalCloud's {@code MESSAGE_GROUP_ID}): the session id. */
    static final String GROUP = Publisher.MESSAGE_GROUP_ID;
    /** The portable attribute naming a message for deduplication: the message id. */
    static final String DEDUPLICATION = Publisher.MESSAGE_DEDUPLICATION_ID;
    /** The application property Azure SDK diagnostics carry the W3C trace context in. */
    static final String DIAGNOSTIC_ID = "Diagnostic-Id";

    private static final Duration CALL_CAP = Duration.ofSeconds(10);

    private final AzureSettings settings;
    private final ConcurrentHashMap<String, ServiceBusSenderAsyncClient> senders = new ConcurrentHashMap<>();
    private volatile ServiceBusClientBuilder connection;

    ServiceBusChannel(AzureSettings settings) {
        this.settings = settings;
    }

    String send(String logical, String entity, String body, Map<String, String> attributes) {
        ServiceBusMessage message = message(logical, body, attributes,
                settings.positiveLong(AzureSettings.SERVICE_BUS_MAX_MESSAGE_BYTES, AzureSettings.STANDARD_SERVICE_BUS_MAX_BYTES));
        Duration timeout = OutboundCalls.callTimeout(logical, CALL_CAP);
        try {
            senders.computeIfAbsent(entity, this::sender).sendMessage(message).timeout(timeout).block();
        } catch (RuntimeException failure) {
            throw AzureFailures.classify(failure, "Service Bus send", logical, "entity '" + entity + "'", timeout);
        }
        return message.getMessageId();
    }

    /**
     * Maps a portable message to a Service Bus message, checking its size before any call.
     *
     * @param logical    the logical destination, for errors
     * @param body       the body, sent as UTF-8
     * @param attributes the attributes, {@code traceparent} included
     * @param maxBytes   the entity's message size limit
     * @return the message
     * @throws PermanentFailure when the message is over {@code maxBytes}
     */
    static ServiceBusMessage message(String logical, String body, Map<String, String> attributes, long maxBytes) {
        ServiceBusMessage message = new ServiceBusMessage(body);
        String deduplication = attributes.get(DEDUPLICATION);
        message.setMessageId(deduplication != null ? deduplication : UUID.randomUUID().toString());
        String group = attributes.get(GROUP);
        if (group != null) {
            message.setSessionId(group);
        }
        Map<String, Object> properties = message.getApplicationProperties();
        properties.putAll(attributes);
        String traceparent = attributes.get(OutboundCalls.TRACEPARENT);
        if (traceparent != null) {
            properties.putIfAbsent(DIAGNOSTIC_ID, traceparent);
        }
        OutboundCalls.checkSize(logical, size(body, properties, message), maxBytes, "Service Bus");
        return message;
    }

    /**
     * Counts what the broker counts against the limit that a function controls: the body, the application
     * properties, the message and session ids. AMQP framing adds a few hundred bytes more, which the broker checks.
     */
    private static long size(String body, Map<String, Object> properties, ServiceBusMessage message) {
        long bytes = utf8(body) + utf8(message.getMessageId()) + utf8(message.getSessionId());
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            bytes += utf8(property.getKey()) + utf8(String.valueOf(property.getValue()));
        }
        return bytes;
    }

    private static long utf8(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private ServiceBusSenderAsyncClient sender(String entity) {
        // A topic is addressed like a queue when sending: the entity path is all the link needs.
        return connection().sender().queueName(entity).buildAsyncClient();
    }

    private ServiceBusClientBuilder connection() {
        ServiceBusClientBuilder built = connection;
        if (built == null) {
            synchronized (this) {
                built = connection;
                if (built == null) {
                    built = newConnection();
                    connection = built;
                }
            }
        }
        return built;
    }

    /** Clients built from one builder share its AMQP connection. */
    private ServiceBusClientBuilder newConnection() {
        ServiceBusClientBuilder builder = new ServiceBusClientBuilder().retryOptions(new AmqpRetryOptions()
                .setMaxRetries(2).setDelay(Duration.ofMillis(200)).setMaxDelay(Duration.ofSeconds(2))
                .setTryTimeout(CALL_CAP));
        String connectionString = settings.secretNamedBy(AzureSettings.SERVICE_BUS_CONNECTION_SETTING);
        if (connectionString != null) {
            return builder.connectionString(connectionString);
        }
        String namespace = settings.get(AzureSettings.SERVICE_BUS_NAMESPACE);
        if (namespace == null) {
            throw new PermanentFailure("no Service Bus namespace is configured: set " + AzureSettings.SERVICE_BUS_NAMESPACE
                    + "=NAMESPACE.servicebus.windows.net (with a managed identity holding 'Azure Service Bus Data Sender'),"
                    + " or " + AzureSettings.SERVICE_BUS_CONNECTION_SETTING + "=<the name of a setting holding a"
                    + " connection string>");
        }
        String fullyQualified = namespace.contains(".") ? namespace : namespace + ".servicebus.windows.net";
        return builder.credential(fullyQualified, settings.credential());
    }
}
