package dev.portablefn.examples.learning.courses;

import dev.portablefn.examples.learning.database.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** A {@link CourseRepository} in the {@code courses} table. */
final class JdbcCourseRepository implements CourseRepository {

    private static final String COLUMNS = "id, title, description, price_cents, currency, created_at";

    private final Jdbc jdbc;

    JdbcCourseRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(Course course) {
        jdbc.update("INSERT INTO courses (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                        + " title = EXCLUDED.title, description = EXCLUDED.description,"
                        + " price_cents = EXCLUDED.price_cents, currency = EXCLUDED.currency,"
                        + " created_at = EXCLUDED.created_at",
                course.id(), course.title(), course.description(), course.priceCents(), course.currency(),
                course.createdAt());
    }

    @Override
    public Optional<Course> find(String id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM courses WHERE id = ?", JdbcCourseRepository::course, id);
    }

    @Override
    public List<Course> list() {
        return jdbc.list("SELECT " + COLUMNS + " FROM courses ORDER BY created_at, id COLLATE \"C\"",
                JdbcCourseRepository::course);
    }

    private static Course course(ResultSet row) throws SQLException {
        return new Course(row.getString("id"), row.getString("title"), row.getString("description"),
                row.getLong("price_cents"), row.getString("currency"), Jdbc.instant(row, "created_at"));
    }
}
