package dev.portablefn.examples.learning.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /users}; validated by the library when it is bound.
 *
 * @param email a valid e-mail address
 * @param name  the display name, 1..80 characters
 */
public record Registration(@NotBlank @Email String email, @NotBlank @Size(max = 80) String name) {
}
