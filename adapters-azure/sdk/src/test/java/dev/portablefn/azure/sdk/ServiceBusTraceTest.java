package dev.portablefn.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.messaging.servicebus.ServiceBusMessage;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.azure.AzureFunctions;
import dev.portablefn.doubles.azure.FakeExecutionContext;
import dev.portablefn.runtime.internal.outbound.OutboundCalls;
import dev.portablefn.runtime.json.JacksonCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * End to end without a broker: a function on Azure maps a message with the publisher's mapping (what
 * {@link AzurePublisher} sends), and its body and application properties are handed to the inbound Service Bus
 * delegation as the host binds them ({@code MessageId}, {@code DeliveryCount}, {@code ApplicationProperties} as
 * JSON). The AMQP transfer in between is the Service Bus SDK's and is not exercised here.
 */
class ServiceBusTraceTest {

    private static final String PUBLISHER_TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    /** A host that did not continue the message's trace. */
    private static final String SUBSCRIBER_HOST_TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void theSubscriberContinuesThePublishersTraceAndSeesTheSameDataAndAttributes() throws Exception {
        List<ServiceBusMessage> sent = new ArrayList<>();
        List<String> publisherTrace = new ArrayList<>();
        AzureFunctions.of(PortableFunction.event(String.class, (EventFunction<String>) (event, context) -> {
            publisherTrace.add(context.traceId().orElseThrow());
            // What AzurePublisher.publish does before the AMQP send: the trace added, then the mapping.
            sent.add(ServiceBusChannel.message("orders", "{\"orderId\":\"42\"}",
                    OutboundCalls.withTrace(Map.of("tenant", "contoso")), AzureSettings.STANDARD_SERVICE_BUS_MAX_BYTES));
        })).queue("trigger", "t-1", 1, null, FakeExecutionContext.builder().functionName("checkout")
                .traceparent(PUBLISHER_TRACEPARENT).build());
        ServiceBusMessage message = sent.get(0);

        List<Event<String>> events = new ArrayList<>();
        List<Context> contexts = new ArrayList<>();
        AzureFunctions.of(PortableFunction.event(String.class, (EventFunction<String>) (event, context) -> {
            events.add(event);
            contexts.add(context);
        })).serviceBusQueue(message.getBody().toString(), message.getMessageId(), 1, null,
                JacksonCodec.standard().mapper().writeValueAsString(message.getApplicationProperties()),
                FakeExecutionContext.builder().functionName("fulfil").traceparent(SUBSCRIBER_HOST_TRACEPARENT).build());

        assertThat(contexts.get(0).traceId()).contains(publisherTrace.get(0)).contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(events.get(0).data()).isEqualTo("{\"orderId\":\"42\"}");
        assertThat(events.get(0).id()).isEqualTo(message.getMessageId());
        assertThat(events.get(0).attributes()).containsEntry("tenant", "contoso")
                .containsEntry("traceparent", PUBLISHER_TRACEPARENT);
    }
}
