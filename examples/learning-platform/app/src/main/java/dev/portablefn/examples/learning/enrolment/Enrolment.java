package dev.portablefn.examples.learning.enrolment;

import java.time.Instant;

/**
 * A user's enrolment in a course, created when their payment completes.
 *
 * @param userId      the learner
 * @param courseId    the course
 * @param paymentId   the payment that paid for it
 * @param amountCents what was paid, in the currency's minor unit
 * @param currency    the ISO 4217 currency code
 * @param enrolledAt  when the enrolment was recorded
 */
public record Enrolment(String userId, String courseId, String paymentId, long amountCents, String currency,
                        Instant enrolledAt) {
}
