package ${package};

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.outbound.Publisher;
import java.util.Map;

/** Takes an order message (bound and validated) and publishes a confirmation to the {@code confirmations} topic. */
public final class OrderPlaced implements EventFunction<NewOrder> {

    private final Publisher publisher;

    /** @param publisher where confirmations go: LocalCloud's in tests, the provider module's when deployed */
    public OrderPlaced(Publisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Builds the function as deployed, publishing through the provider module on the classpath.
     *
     * @return the function
     */
    public static OrderPlaced create() {
        return new OrderPlaced(Publisher.registered());
    }

    @Override
    public void handle(Event<NewOrder> event, Context context) {
        NewOrder order = event.data();
        publisher.publish("confirmations", Map.of("order", event.id(), "item", order.item(), "quantity", order.quantity()));
        context.logger().info("confirmed order {}", event.id());
    }
}
