package dev.portablefn.examples.learning.report;

import java.time.LocalDate;
import java.util.Optional;

/** Stores nightly reports by date; saving a date again replaces its report, so reruns are harmless. */
public interface ReportRepository {

    /** @param report the report to store */
    void save(NightlyReport report);

    /** @param date a day @return its report, if built */
    Optional<NightlyReport> find(LocalDate date);

    /** @return the report of the latest day, if any */
    Optional<NightlyReport> latest();
}
