package dev.portablefn.examples.minimalgcp;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PermanentFailure;

/** A portable event function: handles an {@link Order} published to a topic. */
public final class OnOrderPlaced implements EventFunction<Order> {

    @Override
    public void handle(Event<Order> event, Context context) {
        Order order = event.data();
        if (order.quantity() <= 0) {
            // Not retried: the same message would fail the same way.
            throw new PermanentFailure("order " + order.id() + " has no items");
        }
        context.logger().info("order {} for {} items (delivery attempt {})", order.id(), order.quantity(),
                event.deliveryAttempt().isPresent() ? event.deliveryAttempt().getAsInt() : 1);
    }
}
