package dev.portablefn.api.outbound;

import java.util.Map;

/**
 * Publishes a message to a topic or queue by name, portably. A function receives one from its setup
 * code; the testing kit implements it over LocalCloud, and provider implementations wrap the
 * official SDKs.
 */
@FunctionalInterface
public interface Publisher {

    /**
     * Publishes one message.
     *
     * @param destination the topic or queue name
     * @param body        the message body (JSON text, or any text)
     * @param attributes  message attributes; a {@code traceparent} entry propagates the trace
     * @return the id the destination gave the message
     * @throws dev.portablefn.api.RetryableException when the destination is temporarily unavailable
     * @throws IllegalArgumentException              when the destination does not exist
     */
    String publish(String destination, String body, Map<String, String> attributes);
}
