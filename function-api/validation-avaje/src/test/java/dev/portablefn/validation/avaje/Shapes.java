package dev.portablefn.validation.avaje;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The constrained types the tests validate with both engines. {@code @Valid} on a type asks avaje's generator for
 * its adapter; the generator (2.13) needs the types public.
 */
public final class Shapes {

    private Shapes() {
    }

    /** The learning platform's {@code POST /courses} body. */
    @Valid
    public record NewCourse(@NotBlank @Size(max = 80) String title, @PositiveOrZero int seats,
            @Pattern(regexp = "[A-Z]{2,4}-[0-9]{3}", message = "must look like CS-101") String code) {
    }

    @Valid
    public record Address(@NotBlank String city, @Size(min = 5, max = 5) String zip) {
    }

    @Valid
    public record Profile(
            @NotNull String id,
            @NotBlank String name,
            @NotEmpty String nickname,
            @Size(min = 2, max = 5) String code,
            @Size(max = 3) List<String> tags,
            @NotEmpty List<String> roles,
            @Min(18) int age,
            @Max(120) Integer maxAge,
            @Positive long credits,
            @PositiveOrZero int balance,
            @Negative int debt,
            @Pattern(regexp = "[a-z]+") String slug,
            @Pattern(regexp = "[0-9]{3}", message = "must be three digits") String pin,
            @Email String email,
            @NotNull @Valid Address address,
            @Valid List<Address> previous,
            List<@NotBlank String> aliases) {
    }

    /** Constrained, but without {@code @Valid} on the type and used by no type that has it: avaje generates nothing. */
    public record Unadapted(@NotBlank String title, @Positive int seats) {
    }

    /** avaje's generator writes this regexp's {@code \\s} into its adapter as a space (avaje/avaje-validator#359). */
    @Valid
    public record Handle(@NotNull @Pattern(regexp = "[^\\s]+") String name) {
    }

    /** Holds a {@link Handle}, so its adapter would check the handle's regexp too. */
    @Valid
    public record Account(@Valid List<Handle> handles) {
    }
}
