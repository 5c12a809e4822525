package dev.portablefn.bench.realistic.portable;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.bench.realistic.work.NewOrder;
import dev.portablefn.bench.realistic.work.OrderDesk;

/**
 * The portable side of the realistic queue and topic benchmarks: the library binds each message to a
 * {@link NewOrder} and validates it before this runs (an invalid one is reported the provider's way without
 * reaching it); the {@link OrderDesk} logs and records it.
 */
public final class OrderListener implements EventFunction<NewOrder> {

    private final OrderDesk desk;

    /** @param desk records the orders */
    public OrderListener(OrderDesk desk) {
        this.desk = desk;
    }

    @Override
    public void handle(Event<NewOrder> event, Context context) {
        desk.record(event.data());
    }
}
