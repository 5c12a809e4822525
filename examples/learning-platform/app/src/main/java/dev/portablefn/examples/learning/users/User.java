package dev.portablefn.examples.learning.users;

import java.time.Instant;

/**
 * A registered learner.
 *
 * @param id           the user id, assigned on registration
 * @param email        the e-mail address, lower-cased; unique
 * @param name         the display name
 * @param registeredAt when the user registered
 */
public record User(String id, String email, String name, Instant registeredAt) {
}
