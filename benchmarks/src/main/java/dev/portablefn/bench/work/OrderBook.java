package dev.portablefn.bench.work;

/**
 * What the event benchmarks do with each message on both sides: count it and add up its total, so the
 * work is observable (the equivalence test compares the books) and cannot be optimised away.
 */
public final class OrderBook {

    private long orders;
    private double total;

    /** @param order a received order */
    public void record(Order order) {
        orders++;
        total += order.quantity() * order.unitPrice();
    }

    /** @return how many orders were recorded */
    public long orders() {
        return orders;
    }

    /** @return the sum of their totals */
    public double total() {
        return total;
    }
}
