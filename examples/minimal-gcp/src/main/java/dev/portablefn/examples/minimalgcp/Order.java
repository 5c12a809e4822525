package dev.portablefn.examples.minimalgcp;

/**
 * The message published to the {@code orders} topic, as JSON.
 *
 * @param id       the order id
 * @param quantity how many items
 */
public record Order(String id, int quantity) {
}
