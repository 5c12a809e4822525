package dev.portablefn.examples.learning.users;

import dev.portablefn.examples.learning.database.Database;
import dev.portablefn.examples.learning.database.Jdbc;
import java.util.Optional;
import javax.sql.DataSource;

/** Stores users; an in-memory implementation serves local runs and tests, a database one the cloud. */
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

    /**
     * @param dataSource a PostgreSQL database migrated by {@link Database#migrate}
     * @return a repository in the {@code users} table
     */
    static UserRepository onDatabase(DataSource dataSource) {
        return new JdbcUserRepository(new Jdbc(dataSource));
    }
}
