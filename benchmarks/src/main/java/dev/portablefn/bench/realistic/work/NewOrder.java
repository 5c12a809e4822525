package dev.portablefn.bench.realistic.work;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * An order as a client sends it to the realistic benchmark's function (the HTTP body, the queue or topic message),
 * with the constraints both sides check with Hibernate Validator after binding.
 *
 * @param item      what is ordered
 * @param quantity  how many, 1 to 1000
 * @param unitPrice the price of one, above zero
 * @param customer  who orders
 */
public record NewOrder(
        @NotBlank @Size(max = 200) String item,
        @Min(1) @Max(1000) int quantity,
        @Positive double unitPrice,
        @NotBlank String customer) {
}
