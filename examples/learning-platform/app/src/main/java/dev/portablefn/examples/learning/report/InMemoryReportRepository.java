package dev.portablefn.examples.learning.report;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A {@link ReportRepository} in a sorted map, for local runs and tests; thread-safe. */
public final class InMemoryReportRepository implements ReportRepository {

    private final ConcurrentSkipListMap<LocalDate, NightlyReport> reports = new ConcurrentSkipListMap<>();

    @Override
    public void save(NightlyReport report) {
        reports.put(report.date(), report);
    }

    @Override
    public Optional<NightlyReport> find(LocalDate date) {
        return Optional.ofNullable(reports.get(date));
    }

    @Override
    public Optional<NightlyReport> latest() {
        var last = reports.lastEntry();
        return last == null ? Optional.empty() : Optional.of(last.getValue());
    }
}
