package dev.portablefn.examples.learning.courses;

import java.time.Instant;

/**
 * A course in the catalogue.
 *
 * @param id          the course id, assigned on creation
 * @param title       the title shown to learners
 * @param description what the course teaches
 * @param priceCents  the price in the currency's minor unit
 * @param currency    the ISO 4217 currency code
 * @param createdAt   when the course was created
 */
public record Course(String id, String title, String description, long priceCents, String currency, Instant createdAt) {
}
