package dev.portablefn.examples.learning.payments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * The body of {@code POST /payments}; Jakarta Validation constraints are checked when it is bound,
 * so a wrong field is answered 400 with the field named before any business rule runs ({@code @Valid}: avaje-validator's
 * generator writes its adapter at build time).
 *
 * @param userId      who pays
 * @param courseId    the course paid for
 * @param amountCents the amount in the currency's minor unit; must equal the course price
 * @param currency    the ISO 4217 currency code; must equal the course's
 * @param cardToken   the payment provider's card token ({@code tok_...})
 */
@Valid
public record PaymentRequest(
        @NotBlank String userId,
        @NotBlank String courseId,
        @Positive long amountCents,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotBlank @Pattern(regexp = "tok_[A-Za-z0-9_]{3,64}", message = "must be a card token such as tok_visa") String cardToken) {
}
