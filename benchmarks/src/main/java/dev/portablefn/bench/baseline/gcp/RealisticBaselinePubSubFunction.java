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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-written Pub/Sub CloudEvents function the realistic GCP benchmark compares the adapter with: the message
 * data decoded, bound and validated, the MDC filled with the event's identity and cleared after. An invalid order is
 * logged and acknowledged (returning normally), since redelivering the same message cannot fix it.
 */
public final class RealisticBaselinePubSubFunction implements CloudEventsFunction {

    private static final Logger LOG = LoggerFactory.getLogger(RealisticBaselinePubSubFunction.class);

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
        BaselineMdc.put(id, BaselineMdc.traceIdOfTraceparent(traceparent == null ? null : traceparent.toString()),
                functionName, "GCP");
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
                LOG.error("event {} is not a valid order; acknowledged without retry", id);
                return;
            }
            desk.record(order);
        } finally {
            BaselineMdc.removeEventId();
            BaselineMdc.clear();
        }
    }
}
