package dev.portablefn.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import com.azure.storage.queue.models.QueueMessageItem;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.azure.AzureFunctions;
import dev.portablefn.doubles.azure.FakeExecutionContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AzurePublisher} to a Storage queue on Azurite (started by {@link Azurite}; skipped when not installed),
 * then what arrived handed to the Azure inbound adapter's queue delegation as the Functions host would: the
 * message text base64-decoded, with its id and dequeue count.
 */
class StorageQueueAzuriteTest {

    /** The trace of the invocation that publishes, as its host gave it. */
    private static final String PUBLISHER_TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    /** The subscriber's host starts a trace of its own: Functions do not continue a Storage queue message's trace. */
    private static final String SUBSCRIBER_HOST_TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private static Azurite azurite;
    private static String queue;
    private static AzurePublisher publisher;

    @BeforeAll
    static void startAzurite() throws IOException {
        azurite = Azurite.start();
        if (!azurite.running()) {
            return;
        }
        queue = "orders-" + UUID.randomUUID().toString().substring(0, 8);
        rawQueue().create();
        Map<String, String> settings = Map.of(
                "PORTABLEFN_STORAGE_CONNECTION_SETTING", "AzureWebJobsStorage",
                "AzureWebJobsStorage", azurite.connectionString(),
                "PORTABLEFN_DESTINATION_ORDERS", "storagequeue:" + queue,
                "PORTABLEFN_DESTINATION_NOWHERE", "storagequeue:no-such-queue");
        publisher = new AzurePublisher(settings::get);
    }

    @BeforeEach
    void requireAzurite() {
        azurite.assumeRunning();
    }

    @AfterAll
    static void stopAzurite() {
        if (azurite != null) {
            azurite.close();
        }
    }

    /** Reads the queue as the host does: the raw text, which it base64-decodes itself. */
    private static QueueClient rawQueue() {
        return new QueueClientBuilder().connectionString(azurite.connectionString()).queueName(queue).buildClient();
    }

    /** Publishes from inside an Azure function invoked with the publisher's trace; gives the message id. */
    private static String publishFromAFunction(String body, Map<String, String> attributes) {
        List<String> ids = new ArrayList<>();
        AzureFunctions.of(PortableFunction.event(String.class,
                (EventFunction<String>) (event, context) -> ids.add(publisher.publish("orders", body, attributes))))
                .queue("trigger", "t-1", 1, null, FakeExecutionContext.builder().functionName("checkout")
                        .traceparent(PUBLISHER_TRACEPARENT).build());
        return ids.get(0);
    }

    @Test
    void publishedMessageReachesTheSubscriberWithItsDataAttributesAndTrace() {
        String id = publishFromAFunction("{\"orderId\":\"42\"}", Map.of("tenant", "contoso"));

        QueueMessageItem arrived = rawQueue().receiveMessage();
        assertThat(arrived.getMessageId()).isEqualTo(id);
        String text = new String(Base64.getDecoder().decode(arrived.getBody().toString()), StandardCharsets.UTF_8);

        List<Event<String>> events = new ArrayList<>();
        List<Context> contexts = new ArrayList<>();
        AzureFunctions.of(PortableFunction.event(String.class, (EventFunction<String>) (event, context) -> {
            events.add(event);
            contexts.add(context);
        })).queue(text, arrived.getMessageId(), arrived.getDequeueCount(), null,
                FakeExecutionContext.builder().functionName("fulfil").traceparent(SUBSCRIBER_HOST_TRACEPARENT).build());

        assertThat(events.get(0).data()).isEqualTo("{\"orderId\":\"42\"}");
        assertThat(events.get(0).id()).isEqualTo(id);
        assertThat(events.get(0).attributes()).containsEntry("tenant", "contoso");
        assertThat(contexts.get(0).traceId()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void messageWithoutAttributesOrTraceGoesAsItsBody() {
        String id = publisher.publish("orders", "plain text", Map.of());

        QueueMessageItem arrived = rawQueue().receiveMessage();
        assertThat(arrived.getMessageId()).isEqualTo(id);
        assertThat(new String(Base64.getDecoder().decode(arrived.getBody().toString()), StandardCharsets.UTF_8))
                .isEqualTo("plain text");
    }

    @Test
    void aMissingQueueIsAPermanentFailureNamingTheDestinationWithoutTheKey() {
        assertThatThrownBy(() -> publisher.publish("nowhere", "x", Map.of()))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("'nowhere'").hasMessageContaining("no-such-queue").hasMessageContaining("404")
                .hasMessageNotContaining(Azurite.KEY).hasNoCause();
    }

    @Test
    void anOrderedGroupIsRefusedBecauseStorageQueuesDoNotOrder() {
        assertThatThrownBy(() -> publisher.publish("orders", "x", Map.of("messageGroupId", "customer-7")))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("'orders'")
                .hasMessageContaining("Service Bus");
    }

    @Test
    void aMessageOver64KiBOnceEncodedIsRefusedBeforeTheCall() {
        String body = "x".repeat(48 * 1024 + 1);

        assertThatThrownBy(() -> publisher.publish("orders", body, Map.of()))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("'orders'").hasMessageContaining("65536");
    }
}
