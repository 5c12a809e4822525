package dev.portablefn.examples.learning.users;

import dev.portablefn.api.PermanentFailure;
import dev.portablefn.examples.learning.enrolment.Enrolment;
import dev.portablefn.examples.learning.enrolment.EnrolmentRepository;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** User registration and profiles: unique e-mails, profiles listing enrolments. */
public final class UserAccounts {

    private final UserRepository users;
    private final EnrolmentRepository enrolments;

    /**
     * @param users      where users live
     * @param enrolments where enrolments live, for profiles
     */
    public UserAccounts(UserRepository users, EnrolmentRepository enrolments) {
        this.users = Objects.requireNonNull(users, "users");
        this.enrolments = Objects.requireNonNull(enrolments, "enrolments");
    }

    /**
     * @param registration the validated request
     * @param clock        the clock stamping {@code registeredAt}
     * @return the new user
     * @throws PermanentFailure (409) when the e-mail is already registered
     */
    public User register(Registration registration, Clock clock) {
        String email = registration.email().strip().toLowerCase(Locale.ROOT);
        User user = new User("usr-" + UUID.randomUUID().toString().substring(0, 8), email,
                registration.name().strip(), clock.instant());
        if (!users.saveIfEmailFree(user)) {
            throw PermanentFailure.withStatus(409, email + " is already registered; sign in instead");
        }
        return user;
    }

    /**
     * @param id a user id
     * @return the user with the courses they are enrolled in
     * @throws PermanentFailure (404) when there is no such user
     */
    public Profile profile(String id) {
        User user = find(id);
        return new Profile(user, enrolments.byUser(id).stream().map(Enrolment::courseId).toList());
    }

    /**
     * @param id a user id
     * @return the user
     * @throws PermanentFailure (404) when there is no such user
     */
    public User find(String id) {
        return users.find(id).orElseThrow(() -> PermanentFailure.withStatus(404, "user " + id + " does not exist"));
    }
}
