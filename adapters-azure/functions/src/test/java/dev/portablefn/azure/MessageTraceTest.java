package dev.portablefn.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.TraceContext;
import dev.portablefn.doubles.azure.FakeExecutionContext;
import dev.portablefn.runtime.internal.outbound.MessageEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A message that carries its publisher's trace is continued, whatever trace the host started. */
class MessageTraceTest {

    private static final String PUBLISHER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String PUBLISHER_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    /** A host that started a trace of its own, as hosts do for Storage queue messages. */
    private static final String UNRELATED_HOST = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    /** A host that continued the publisher's trace in a span of its own. */
    private static final String CONTINUING_HOST = "00-4bf92f3577b34da6a3ce929d0e0e4736-1111111111111111-01";

    private final List<Event<Object>> events = new ArrayList<>();
    private final List<Context> contexts = new ArrayList<>();
    private final SampleFunctions functions = new SampleFunctions(AzureFunctions.of(PortableFunction.event(Object.class,
            (EventFunction<Object>) (event, context) -> {
                events.add(event);
                contexts.add(context);
            })));

    private static FakeExecutionContext host(String function, String traceparent) {
        return FakeExecutionContext.builder().functionName(function).traceparent(traceparent).build();
    }

    private TraceContext trace() {
        return contexts.get(0).trace().orElseThrow();
    }

    @Test
    void queueEnvelopeArrivesAsItsBodyAndAttributesAndContinuesThePublishersTrace() {
        String wrapped = MessageEnvelope.wrap("{\"orderId\":\"42\"}", Map.of("tenant", "contoso", "traceparent", PUBLISHER));

        functions.orders(wrapped, "q-1", 1, null, host("orders", UNRELATED_HOST));

        Event<Object> event = events.get(0);
        assertThat(event.data()).isEqualTo("{\"orderId\":\"42\"}");
        assertThat(event.attributes()).containsEntry("tenant", "contoso").containsEntry("traceparent", PUBLISHER)
                .containsEntry("dequeueCount", "1");
        assertThat(event.unwrap(String.class)).isEqualTo(wrapped);
        assertThat(trace().traceId()).isEqualTo(PUBLISHER_TRACE_ID);
        assertThat(trace().spanId()).isEqualTo("00f067aa0ba902b7");
    }

    @Test
    void queueMessageWithoutEnvelopeKeepsTheHostsTrace() {
        functions.orders("plain text", "q-2", 1, null, host("orders", UNRELATED_HOST));

        assertThat(events.get(0).data()).isEqualTo("plain text");
        assertThat(trace().traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    }

    @Test
    void serviceBusTraceparentPropertyContinuesThePublishersTrace() {
        functions.payments("hello", "sb-1", 1, null, "{\"traceparent\":\"" + PUBLISHER + "\"}",
                host("payments", UNRELATED_HOST));

        assertThat(trace().traceId()).isEqualTo(PUBLISHER_TRACE_ID);
    }

    @Test
    void serviceBusDiagnosticIdAloneContinuesThePublishersTrace() {
        functions.payments("hello", "sb-2", 1, null, "{\"Diagnostic-Id\":\"" + PUBLISHER + "\"}", host("payments", null));

        assertThat(trace().traceId()).isEqualTo(PUBLISHER_TRACE_ID);
    }

    @Test
    void hostThatAlreadyContinuesTheTraceKeepsItsOwnSpan() {
        functions.payments("hello", "sb-3", 1, null, "{\"traceparent\":\"" + PUBLISHER + "\"}",
                host("payments", CONTINUING_HOST));

        assertThat(trace().traceId()).isEqualTo(PUBLISHER_TRACE_ID);
        assertThat(trace().spanId()).isEqualTo("1111111111111111");
    }

    @Test
    void malformedMessageTraceFallsBackToTheHostsTrace() {
        functions.payments("hello", "sb-4", 1, null, "{\"traceparent\":\"00-zz-yy-01\"}", host("payments", UNRELATED_HOST));

        assertThat(trace().traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    }

    @Test
    void cloudEventTraceparentExtensionContinuesThePublishersTrace() {
        String cloudEvent = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/portablefn/checkout\","
                + "\"type\":\"dev.portablefn.message\",\"traceparent\":\"" + PUBLISHER + "\",\"data\":{\"orderId\":\"42\"}}";

        functions.uploads(cloudEvent, host("uploads", UNRELATED_HOST));

        assertThat(events.get(0).attribute("traceparent")).contains(PUBLISHER);
        assertThat(trace().traceId()).isEqualTo(PUBLISHER_TRACE_ID);
    }
}
