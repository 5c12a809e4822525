package dev.portablefn.bench.realistic.work;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The business logic both sides of the realistic benchmark run once their input is routed, bound and valid: it logs
 * one line per order through SLF4J (so the MDC the caller filled is formatted into it) and counts the order. One
 * logger and one message for both sides, so the equivalence test can compare the lines.
 */
public final class OrderDesk {

    /** The name of the logger every order line goes to. */
    public static final String LOGGER_NAME = "orders";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private long orders;
    private double total;

    /**
     * Accepts an order placed over HTTP.
     *
     * @param customerId the customer from the request path
     * @param order      the valid order
     * @return its confirmation
     */
    public OrderConfirmation accept(String customerId, NewOrder order) {
        double orderTotal = add(order);
        LOG.info("accepted {} x {} for customer {}", order.quantity(), order.item(), customerId);
        return new OrderConfirmation(customerId, order.item(), order.quantity(), orderTotal, "ACCEPTED");
    }

    /**
     * Records an order delivered as a message.
     *
     * @param order the valid order
     */
    public void record(NewOrder order) {
        add(order);
        LOG.info("recorded {} x {} for {}", order.quantity(), order.item(), order.customer());
    }

    private double add(NewOrder order) {
        double orderTotal = order.quantity() * order.unitPrice();
        orders++;
        total += orderTotal;
        return orderTotal;
    }

    /** @return how many orders were accepted or recorded */
    public long orders() {
        return orders;
    }

    /** @return the sum of their totals */
    public double total() {
        return total;
    }
}
