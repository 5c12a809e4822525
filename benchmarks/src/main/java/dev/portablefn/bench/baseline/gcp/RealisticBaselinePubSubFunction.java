package dev.portablefn.bench.baseline.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.functions.CloudEventsFunction;
import dev.portablefn.bench.baseline.BaselineMdc;
import dev.portablefn.bench.baseline.BaselineValidation;
import dev.portablefn.bench.realistic.work.NewOrder;
import dev.portablefn.bench.realistic.work.OrderDesk;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.util.Base64;

/**
 * The hand-written Pub/Sub CloudEvents function the realistic GCP benchmark compares the adapter with: the message
 * data decoded, bound and validated, the MDC filled with the event's identity and cleared after. An invalid order
 * throws, as the adapter's does, so the framework answers 500 and Pub/Sub redelivers it until its dead-letter topic
 * takes it: nothing is lost.
 */
public final class RealisticBaselinePubSubFunction implements CloudEventsFunction {

    private final OrderDesk desk;
    private final String functionName;

    /**
     * @param desk        records the orders
     * @param defaultName the function name to log when the platform sets none ({@code K_SERVICE}, {@code FUNCTION_TARGET})
     */
    public RealisticBaselinePubSubFunction(OrderDesk desk, String defaultName) {
        this.desk = desk;
        this.functionName = RealisticBaselineGcpHttpFunction.functionName(defaultName);
    }

    @Override
    public void accept(CloudEvent event) {
        String id = event.getId();
        Object traceparent = event.getExtension("traceparent");
        BaselineMdc.putTraceparent(id, traceparent == null ? null : traceparent.toString(), functionName, "GCP");
        BaselineMdc.putEventId(id);
        try {
            NewOrder order;
            try {
                JsonNode message = RealisticBaselineGcpHttpFunction.MAPPER.readTree(event.getData().toBytes()).path("message");
                order = RealisticBaselineGcpHttpFunction.MAPPER.readValue(
                        Base64.getDecoder().decode(message.path("data").asText()), NewOrder.class);
            } catch (IOException | IllegalArgumentException malformed) {
                order = null;
            }
            if (order == null || !BaselineValidation.isValid(order)) {
                throw new IllegalArgumentException("event " + id + " is not a valid order; the platform redelivers it"
                        + " until the subscription's dead-letter topic takes it");
            }
            desk.record(order);
        } finally {
            BaselineMdc.removeEventId();
            BaselineMdc.clear();
        }
    }
}
