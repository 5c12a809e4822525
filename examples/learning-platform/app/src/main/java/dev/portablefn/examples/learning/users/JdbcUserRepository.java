package dev.portablefn.examples.learning.users;

import dev.portablefn.examples.learning.database.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** A {@link UserRepository} in the {@code users} table, whose unique {@code email} makes registration atomic. */
final class JdbcUserRepository implements UserRepository {

    private final Jdbc jdbc;

    JdbcUserRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean saveIfEmailFree(User user) {
        return jdbc.update("INSERT INTO users (id, email, name, registered_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (email) DO NOTHING", user.id(), user.email(), user.name(), user.registeredAt()) == 1;
    }

    @Override
    public Optional<User> find(String id) {
        return jdbc.one("SELECT id, email, name, registered_at FROM users WHERE id = ?", JdbcUserRepository::user, id);
    }

    @Override
    public int count() {
        return jdbc.one("SELECT count(*) FROM users", row -> row.getInt(1)).orElseThrow();
    }

    private static User user(ResultSet row) throws SQLException {
        return new User(row.getString("id"), row.getString("email"), row.getString("name"),
                Jdbc.instant(row, "registered_at"));
    }
}
