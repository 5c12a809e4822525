package dev.portablefn.bench.work;

/**
 * The order every benchmark payload carries, bound from JSON the same way on both sides.
 *
 * @param item      what is ordered
 * @param quantity  how many
 * @param unitPrice the price of one
 * @param customer  who orders
 */
public record Order(String item, int quantity, double unitPrice, String customer) {
}
