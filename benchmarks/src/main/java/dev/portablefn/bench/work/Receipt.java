package dev.portablefn.bench.work;

/**
 * The JSON answer of the HTTP benchmarks, written the same way on both sides.
 *
 * @param item     what was ordered
 * @param quantity how many
 * @param total    quantity times unit price
 * @param status   always {@code "ACCEPTED"}
 */
public record Receipt(String item, int quantity, double total, String status) {

    /** @param order the order @return its receipt: the "business logic" both sides run */
    public static Receipt of(Order order) {
        return new Receipt(order.item(), order.quantity(), order.quantity() * order.unitPrice(), "ACCEPTED");
    }
}
