package dev.portablefn.examples.learning.courses;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /courses}; validated by the library when it is bound, with the adapter
 * avaje-validator's generator writes for it at build time ({@code @Valid}: see the module's pom).
 *
 * @param title       the title, 1..120 characters
 * @param description what the course teaches, up to 2000 characters
 * @param priceCents  the price in the currency's minor unit; 0 for a free course
 * @param currency    the ISO 4217 currency code, such as {@code EUR}
 */
@Valid
public record NewCourse(
        @NotBlank @Size(max = 120) String title,
        @Size(max = 2000) String description,
        @PositiveOrZero long priceCents,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {
}
