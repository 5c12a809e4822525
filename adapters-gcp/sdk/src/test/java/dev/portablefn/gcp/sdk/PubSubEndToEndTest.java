package dev.portablefn.gcp.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.pubsub.v1.PublishRequest;
import com.google.pubsub.v1.PubsubMessage;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.doubles.gcp.FakeCloudEvent;
import dev.portablefn.gcp.GcpCloudEventFunction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * One function publishes through {@link PubSubPublisher}; what Pub/Sub's service received is handed, as the
 * CloudEvent the Functions Framework builds for a Pub/Sub trigger, to a second function: it sees the same data and
 * attributes and continues the first function's trace.
 */
class PubSubEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INBOUND_TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    record Order(String id, int quantity) {
    }

    @Test
    void subscriberSeesThePublishersDataAttributesAndTrace() throws Exception {
        try (InProcessPubSub pubsub = new InProcessPubSub();
                PubSubPublisher publisher = pubsub.publisher(Map.of("PORTABLEFN_DESTINATION_ORDERS",
                        PubSubPublisherTest.TOPIC))) {
            GcpCloudEventFunction checkout = new GcpCloudEventFunction(PortableFunction.event(Order.class,
                    (event, context) -> publisher.publish("orders", JSON.writeValueAsString(event.data()),
                            Map.of("origin", "checkout", "messageGroupId", "customer-7"))));
            checkout.accept(FakeCloudEvent.builder().id("in-1").source("//pubsub.googleapis.com/projects/demo/topics/cart")
                    .type("google.cloud.pubsub.topic.v1.messagePublished").dataContentType("application/json")
                    .extension("traceparent", INBOUND_TRACEPARENT)
                    .data(pubsubData("in-1", PubsubMessage.newBuilder()
                            .setData(com.google.protobuf.ByteString.copyFromUtf8("{\"id\":\"o-1\",\"quantity\":3}"))
                            .build()))
                    .build());

            PublishRequest received = pubsub.service.requests().get(0);
            PubsubMessage message = received.getMessages(0);
            AtomicReference<Event<Order>> seen = new AtomicReference<>();
            AtomicReference<Context> seenContext = new AtomicReference<>();
            GcpCloudEventFunction fulfilment = new GcpCloudEventFunction(PortableFunction.event(Order.class,
                    (event, context) -> {
                        seen.set(event);
                        seenContext.set(context);
                    }));

            fulfilment.accept(FakeCloudEvent.builder().id("message-1")
                    .source("//pubsub.googleapis.com/" + received.getTopic())
                    .type("google.cloud.pubsub.topic.v1.messagePublished").dataContentType("application/json")
                    .data(pubsubData("message-1", message)).build());

            assertThat(seen.get().data()).isEqualTo(new Order("o-1", 3));
            assertThat(seen.get().attributes()).containsEntry("origin", "checkout")
                    .containsEntry("orderingKey", "customer-7")
                    .containsKey("traceparent");
            assertThat(seenContext.get().traceId()).contains("0af7651916cd43dd8448eb211c80319c");
        }
    }

    /** The data of a {@code messagePublished} CloudEvent, as Eventarc delivers a Pub/Sub message. */
    private static byte[] pubsubData(String messageId, PubsubMessage message) {
        ObjectNode data = JSON.createObjectNode();
        ObjectNode wrapped = data.putObject("message");
        wrapped.put("data", Base64.getEncoder().encodeToString(message.getData().toByteArray()));
        ObjectNode attributes = wrapped.putObject("attributes");
        message.getAttributesMap().forEach(attributes::put);
        wrapped.put("messageId", messageId).put("publishTime", "2026-12-02T10:00:00.123Z");
        if (!message.getOrderingKey().isEmpty()) {
            wrapped.put("orderingKey", message.getOrderingKey());
        }
        data.put("subscription", "projects/demo/subscriptions/fulfilment");
        return data.toString().getBytes(StandardCharsets.UTF_8);
    }
}
