package dev.portablefn.examples.learning.enrolment;

import dev.portablefn.examples.learning.database.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * An {@link EnrolmentRepository} in the {@code enrolments} table. The unique {@code (user_id, course_id)} makes
 * {@link #enrolIfAbsent} one atomic statement, however many instances deliver the same payment at once; the identity
 * column {@code seq} keeps the order enrolments were recorded in.
 */
final class JdbcEnrolmentRepository implements EnrolmentRepository {

    private static final String COLUMNS = "user_id, course_id, payment_id, amount_cents, currency, enrolled_at";

    private final Jdbc jdbc;

    JdbcEnrolmentRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean enrolIfAbsent(Enrolment enrolment) {
        return jdbc.update("INSERT INTO enrolments (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (user_id, course_id) DO NOTHING",
                enrolment.userId(), enrolment.courseId(), enrolment.paymentId(), enrolment.amountCents(),
                enrolment.currency(), enrolment.enrolledAt()) == 1;
    }

    @Override
    public List<Enrolment> byUser(String userId) {
        return jdbc.list("SELECT " + COLUMNS + " FROM enrolments WHERE user_id = ? ORDER BY seq",
                JdbcEnrolmentRepository::enrolment, userId);
    }

    @Override
    public List<Enrolment> all() {
        return jdbc.list("SELECT " + COLUMNS + " FROM enrolments ORDER BY seq", JdbcEnrolmentRepository::enrolment);
    }

    private static Enrolment enrolment(ResultSet row) throws SQLException {
        return new Enrolment(row.getString("user_id"), row.getString("course_id"), row.getString("payment_id"),
                row.getLong("amount_cents"), row.getString("currency"), Jdbc.instant(row, "enrolled_at"));
    }
}
