package dev.portablefn.bench.baseline.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.functions.CloudEventsFunction;
import dev.portablefn.bench.work.Order;
import dev.portablefn.bench.work.OrderBook;
import io.cloudevents.CloudEvent;
import java.util.Base64;

/** The hand-written Pub/Sub CloudEvents function the GCP adapter is compared with: decode the message data, bind, record. */
public final class BaselinePubSubFunction implements CloudEventsFunction {

    private final OrderBook book;

    /** @param book where orders are recorded */
    public BaselinePubSubFunction(OrderBook book) {
        this.book = book;
    }

    @Override
    public void accept(CloudEvent event) throws Exception {
        JsonNode message = BaselineGcpHttpFunction.MAPPER.readTree(event.getData().toBytes()).path("message");
        byte[] data = Base64.getDecoder().decode(message.path("data").asText());
        book.record(BaselineGcpHttpFunction.MAPPER.readValue(data, Order.class));
    }
}
