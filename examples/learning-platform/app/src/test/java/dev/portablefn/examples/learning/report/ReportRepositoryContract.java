package dev.portablefn.examples.learning.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ReportRepository} does, in memory or in a database. */
abstract class ReportRepositoryContract {

    static final LocalDate DAY = LocalDate.parse("2026-03-13");
    static final Instant GENERATED = Instant.parse("2026-03-14T02:00:01.250Z");

    private ReportRepository repository;

    /** @return an empty repository */
    abstract ReportRepository newRepository() throws Exception;

    @BeforeEach
    void emptyRepository() throws Exception {
        repository = newRepository();
    }

    @Test
    void savedReportIsFoundByItsDayWithItsBreakdowns() {
        NightlyReport report = new NightlyReport(DAY, GENERATED, 3, 2, 4, 1, Map.of("crs-1", 3, "crs-2", 1),
                Map.of("EUR", 14700L, "USD", 5000L), 7);

        repository.save(report);

        assertThat(repository.find(DAY)).contains(report);
        assertThat(repository.find(DAY.minusDays(1))).isEmpty();
    }

    @Test
    void savingADayAgainReplacesItsReportAndBreakdowns() {
        repository.save(new NightlyReport(DAY, GENERATED, 3, 2, 4, 1, Map.of("crs-1", 3, "crs-2", 1),
                Map.of("EUR", 14700L, "USD", 5000L), 7));
        NightlyReport rerun = new NightlyReport(DAY, GENERATED.plusSeconds(3600), 3, 2, 3, 0, Map.of("crs-1", 3),
                Map.of("EUR", 14700L), 7);

        repository.save(rerun);

        assertThat(repository.find(DAY)).contains(rerun);
    }

    @Test
    void latestIsTheReportOfTheLatestDayNotTheLastSaved() {
        NightlyReport later = report(DAY.plusDays(1));
        repository.save(later);
        repository.save(report(DAY));
        repository.save(report(DAY.minusDays(1)));

        assertThat(repository.latest()).contains(later);
    }

    @Test
    void reportWithoutEnrolmentsHasEmptyBreakdowns() {
        NightlyReport quiet = report(DAY);

        repository.save(quiet);

        assertThat(repository.find(DAY)).hasValueSatisfying(found -> {
            assertThat(found).isEqualTo(quiet);
            assertThat(found.enrolmentsByCourse()).isEmpty();
            assertThat(found.revenueCents()).isEmpty();
        });
    }

    @Test
    void noReportsMeansNoLatest() {
        assertThat(repository.latest()).isEmpty();
        assertThat(repository.find(DAY)).isEmpty();
    }

    private static NightlyReport report(LocalDate day) {
        return new NightlyReport(day, GENERATED, 1, 1, 0, 0, Map.of(), Map.of(), 0);
    }
}
