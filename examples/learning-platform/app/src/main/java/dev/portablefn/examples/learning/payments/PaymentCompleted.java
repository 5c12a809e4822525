package dev.portablefn.examples.learning.payments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * The message published to the {@code payments} topic when a payment succeeds; the enrolment
 * subscriber binds it back from JSON (and validates it, with the adapter avaje-validator's
 * generator writes for it at build time: {@code @Valid}).
 *
 * @param paymentId   the payment's id, unique per payment
 * @param userId      who paid
 * @param courseId    the course paid for
 * @param amountCents the amount in the currency's minor unit
 * @param currency    the ISO 4217 currency code
 * @param paidAt      when the payment completed
 */
@Valid
public record PaymentCompleted(
        @NotBlank String paymentId,
        @NotBlank String userId,
        @NotBlank String courseId,
        long amountCents,
        @NotBlank String currency,
        @NotNull Instant paidAt) {
}
