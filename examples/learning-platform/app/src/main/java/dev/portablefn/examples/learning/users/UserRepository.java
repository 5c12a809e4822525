package dev.portablefn.examples.learning.users;

import java.util.Optional;

/** Stores users; an in-memory implementation serves local runs and tests. */
public interface UserRepository {

    /**
     * Stores a user unless one with the same e-mail exists.
     *
     * @param user the user
     * @return whether it was stored; {@code false} when the e-mail is taken
     */
    boolean saveIfEmailFree(User user);

    /** @param id a user id @return the user, if registered */
    Optional<User> find(String id);

    /** @return how many users are registered */
    int count();
}
