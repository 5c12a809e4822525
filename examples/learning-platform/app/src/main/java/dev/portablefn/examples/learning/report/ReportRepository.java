package dev.portablefn.examples.learning.report;

import dev.portablefn.examples.learning.database.Database;
import dev.portablefn.examples.learning.database.Jdbc;
import java.time.LocalDate;
import java.util.Optional;
import javax.sql.DataSource;

/** Stores nightly reports by date; saving a date again replaces its report, so reruns are harmless. */
public interface ReportRepository {

    /** @param report the report to store */
    void save(NightlyReport report);

    /** @param date a day @return its report, if built */
    Optional<NightlyReport> find(LocalDate date);

    /** @return the report of the latest day, if any */
    Optional<NightlyReport> latest();

    /**
     * @param dataSource a PostgreSQL database migrated by {@link Database#migrate}
     * @return a repository in the {@code nightly_reports} tables
     */
    static ReportRepository onDatabase(DataSource dataSource) {
        return new JdbcReportRepository(new Jdbc(dataSource));
    }
}
