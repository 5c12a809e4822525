package dev.portablefn.bench.portable;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.bench.work.Order;
import dev.portablefn.bench.work.OrderBook;

/** The portable side of the queue and topic benchmarks: records each bound {@link Order} in an {@link OrderBook}. */
public final class OrderEventFunction implements EventFunction<Order> {

    private final OrderBook book;

    /** @param book where orders are recorded */
    public OrderEventFunction(OrderBook book) {
        this.book = book;
    }

    @Override
    public void handle(Event<Order> event, Context context) {
        book.record(event.data());
    }
}
