package dev.portablefn.examples.learning.report;

import dev.portablefn.examples.learning.database.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link ReportRepository} in {@code nightly_reports}, with the per-course enrolments and the revenue per currency
 * in a table each. A save replaces the day's report and its rows in one transaction, so a rerun, even one racing
 * another, leaves one whole report.
 */
final class JdbcReportRepository implements ReportRepository {

    private static final String COLUMNS = "report_date, generated_at, users, courses, enrolments, new_enrolments,"
            + " lesson_files";

    private final Jdbc jdbc;

    JdbcReportRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(NightlyReport report) {
        jdbc.transaction(sql -> {
            sql.update("INSERT INTO nightly_reports (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (report_date) DO UPDATE SET generated_at = EXCLUDED.generated_at,"
                            + " users = EXCLUDED.users, courses = EXCLUDED.courses, enrolments = EXCLUDED.enrolments,"
                            + " new_enrolments = EXCLUDED.new_enrolments, lesson_files = EXCLUDED.lesson_files",
                    report.date(), report.generatedAt(), report.users(), report.courses(), report.enrolments(),
                    report.newEnrolments(), report.lessonFiles());
            sql.update("DELETE FROM nightly_report_course_enrolments WHERE report_date = ?", report.date());
            sql.update("DELETE FROM nightly_report_revenue WHERE report_date = ?", report.date());
            for (Map.Entry<String, Integer> course : report.enrolmentsByCourse().entrySet()) {
                sql.update("INSERT INTO nightly_report_course_enrolments (report_date, course_id, enrolments)"
                        + " VALUES (?, ?, ?)", report.date(), course.getKey(), course.getValue());
            }
            for (Map.Entry<String, Long> revenue : report.revenueCents().entrySet()) {
                sql.update("INSERT INTO nightly_report_revenue (report_date, currency, revenue_cents) VALUES (?, ?, ?)",
                        report.date(), revenue.getKey(), revenue.getValue());
            }
            return null;
        });
    }

    @Override
    public Optional<NightlyReport> find(LocalDate date) {
        return read("WHERE report_date = ?", date);
    }

    @Override
    public Optional<NightlyReport> latest() {
        return read("ORDER BY report_date DESC LIMIT 1");
    }

    private Optional<NightlyReport> read(String which, Object... parameters) {
        return jdbc.transaction(sql -> {
            List<NightlyReport> found = sql.list("SELECT " + COLUMNS + " FROM nightly_reports " + which,
                    JdbcReportRepository::withoutBreakdowns, parameters);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            NightlyReport report = found.get(0);
            Map<String, Integer> byCourse = new TreeMap<>();
            for (Map.Entry<String, Integer> course : sql.list("SELECT course_id, enrolments FROM"
                    + " nightly_report_course_enrolments WHERE report_date = ?",
                    row -> Map.entry(row.getString(1), row.getInt(2)), report.date())) {
                byCourse.put(course.getKey(), course.getValue());
            }
            Map<String, Long> revenue = new TreeMap<>();
            for (Map.Entry<String, Long> currency : sql.list("SELECT currency, revenue_cents FROM nightly_report_revenue"
                    + " WHERE report_date = ?", row -> Map.entry(row.getString(1), row.getLong(2)), report.date())) {
                revenue.put(currency.getKey(), currency.getValue());
            }
            return Optional.of(new NightlyReport(report.date(), report.generatedAt(), report.users(), report.courses(),
                    report.enrolments(), report.newEnrolments(), Collections.unmodifiableMap(byCourse),
                    Collections.unmodifiableMap(revenue), report.lessonFiles()));
        });
    }

    private static NightlyReport withoutBreakdowns(ResultSet row) throws SQLException {
        return new NightlyReport(row.getObject("report_date", LocalDate.class), Jdbc.instant(row, "generated_at"),
                row.getInt("users"), row.getInt("courses"), row.getInt("enrolments"), row.getInt("new_enrolments"),
                Map.of(), Map.of(), row.getInt("lesson_files"));
    }
}
