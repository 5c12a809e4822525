package dev.portablefn.examples.learning.enrolment;

import dev.portablefn.examples.learning.database.Database;
import dev.portablefn.examples.learning.database.Jdbc;
import java.util.List;
import javax.sql.DataSource;

/**
 * Stores enrolments. {@link #enrolIfAbsent} is the idempotency guard: a topic delivers at least
 * once, so the same payment can arrive twice and must enrol once.
 */
public interface EnrolmentRepository {

    /**
     * Stores an enrolment unless the user is already enrolled in the course.
     *
     * @param enrolment the enrolment
     * @return whether it was stored; {@code false} for a duplicate
     */
    boolean enrolIfAbsent(Enrolment enrolment);

    /** @param userId a user id @return their enrolments, oldest first */
    List<Enrolment> byUser(String userId);

    /** @return every enrolment, oldest first */
    List<Enrolment> all();

    /**
     * @param dataSource a PostgreSQL database migrated by {@link Database#migrate}
     * @return a repository in the {@code enrolments} table
     */
    static EnrolmentRepository onDatabase(DataSource dataSource) {
        return new JdbcEnrolmentRepository(new Jdbc(dataSource));
    }
}
