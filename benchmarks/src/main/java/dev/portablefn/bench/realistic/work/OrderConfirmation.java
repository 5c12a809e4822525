package dev.portablefn.bench.realistic.work;

/**
 * The JSON answer of the realistic benchmark's HTTP paths, written the same way on both sides.
 *
 * @param customerId the customer the order was placed for, from the path
 * @param item       what was ordered
 * @param quantity   how many
 * @param total      quantity times unit price
 * @param status     always {@code "ACCEPTED"}
 */
public record OrderConfirmation(String customerId, String item, int quantity, double total, String status) {
}
