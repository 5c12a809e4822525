package dev.portablefn.examples.learning.courses;

import dev.portablefn.examples.learning.database.Database;
import dev.portablefn.examples.learning.database.Jdbc;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Stores courses; an in-memory implementation serves local runs and tests, a database one the cloud. */
public interface CourseRepository {

    /** @param course the course to store, replacing one with the same id */
    void save(Course course);

    /** @param id a course id @return the course, if stored */
    Optional<Course> find(String id);

    /** @return every course, oldest first */
    List<Course> list();

    /**
     * @param dataSource a PostgreSQL database migrated by {@link Database#migrate}
     * @return a repository in the {@code courses} table
     */
    static CourseRepository onDatabase(DataSource dataSource) {
        return new JdbcCourseRepository(new Jdbc(dataSource));
    }
}
