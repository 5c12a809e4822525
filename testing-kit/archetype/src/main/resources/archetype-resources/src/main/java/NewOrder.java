package ${package};

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * An order as clients send it; the constraints are checked when a body or message is bound to it.
 *
 * @param item     what is ordered
 * @param quantity how many
 */
public record NewOrder(@NotBlank String item, @Positive int quantity) {
}
