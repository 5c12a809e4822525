package dev.portablefn.api.outbound;

import dev.portablefn.api.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Publishes a message to a topic or queue by name, portably. A function receives one from its setup
 * code; the testing kit implements it over LocalCloud, and each provider's outbound module on its official SDK
 * ({@link #registered()}). Destinations are logical names; a deployment maps each to a provider resource.
 */
@FunctionalInterface
public interface Publisher {

    /**
     * The attribute that puts a message in an ordered group: an SQS FIFO or SNS FIFO message group, a Pub/Sub
     * ordering key, a Service Bus session. Messages of one group are delivered in order; LocalCloud keeps it too.
     */
    String MESSAGE_GROUP_ID = "messageGroupId";

    /**
     * The attribute that names a message for duplicate detection: the SQS/SNS FIFO deduplication id, the Service Bus
     * message id, the Event Grid event id.
     */
    String MESSAGE_DEDUPLICATION_ID = "messageDeduplicationId";

    /**
     * Publishes one message.
     *
     * @param destination the topic or queue name
     * @param body        the message body (JSON text, or any text)
     * @param attributes  message attributes; a {@code traceparent} entry propagates the trace
     * @return the id the destination gave the message
     * @throws dev.portablefn.api.RetryableException when the destination is temporarily unavailable
     * @throws dev.portablefn.api.PermanentFailure    when the destination does not exist, refuses the message or
     *                                               is not configured
     */
    String publish(String destination, String body, Map<String, String> attributes);

    /**
     * Publishes one object as a JSON message without attributes; a {@code String} goes out as it is.
     *
     * @param destination the topic or queue name
     * @param message     the message, written as JSON by the standard codec ({@link JsonCodec#standard()})
     * @return the id the destination gave the message
     * @throws dev.portablefn.api.RetryableException when the destination is temporarily unavailable
     * @throws dev.portablefn.api.PermanentFailure    when the destination does not exist, refuses the message or
     *                                               is not configured
     */
    default String publish(String destination, Object message) {
        String body = message instanceof String text ? text
                : new String(JsonCodec.standard().write(message), StandardCharsets.UTF_8);
        return publish(destination, body, Map.of());
    }

    /**
     * Gives the publisher of the provider module the deployment carries ({@code portablefn-aws-sdk},
     * {@code portablefn-gcp-sdk} or {@code portablefn-azure-sdk}, registered with {@link java.util.ServiceLoader}).
     * It is looked up on the first publish, so holding one costs nothing when the function never publishes.
     *
     * @return a publisher that delegates to the registered one
     * @throws IllegalStateException on first publish, when no module or more than one is registered
     */
    static Publisher registered() {
        return new Registered.LazyPublisher();
    }
}
