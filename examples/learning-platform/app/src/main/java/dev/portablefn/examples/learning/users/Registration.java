package dev.portablefn.examples.learning.users;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /users}; validated by the library when it is bound, with the adapter
 * avaje-validator's generator writes for it at build time ({@code @Valid}: see the module's pom).
 *
 * @param email a valid e-mail address
 * @param name  the display name, 1..80 characters
 */
@Valid
public record Registration(@NotBlank @Email String email, @NotBlank @Size(max = 80) String name) {
}
