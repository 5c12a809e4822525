package dev.portablefn.examples.learning.users;

import java.util.List;

/**
 * What {@code GET /users/{id}} answers: the user and the courses they are enrolled in.
 *
 * @param user      the user
 * @param courseIds the ids of the courses they are enrolled in, in enrolment order
 */
public record Profile(User user, List<String> courseIds) {
}
