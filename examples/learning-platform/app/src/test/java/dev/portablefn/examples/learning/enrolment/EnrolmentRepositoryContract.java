package dev.portablefn.examples.learning.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.examples.learning.database.Race;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link EnrolmentRepository} does, in memory or in a database. */
abstract class EnrolmentRepositoryContract {

    static final Instant T1 = Instant.parse("2026-03-14T09:26:53.123456Z");

    private EnrolmentRepository repository;

    /** @return an empty repository */
    abstract EnrolmentRepository newRepository() throws Exception;

    @BeforeEach
    void emptyRepository() throws Exception {
        repository = newRepository();
    }

    @Test
    void firstEnrolmentIsStoredWithEveryField() {
        Enrolment enrolment = enrolment("usr-1", "crs-1", "pay-1", 0);

        assertThat(repository.enrolIfAbsent(enrolment)).isTrue();

        assertThat(repository.all()).containsExactly(enrolment);
        assertThat(repository.byUser("usr-1")).containsExactly(enrolment);
    }

    @Test
    void secondEnrolmentOfTheSameUserInTheSameCourseIsNotStoredAndTheFirstKept() {
        Enrolment first = enrolment("usr-1", "crs-1", "pay-1", 0);
        repository.enrolIfAbsent(first);

        boolean stored = repository.enrolIfAbsent(new Enrolment("usr-1", "crs-1", "pay-2", 9900, "USD", T1.plusSeconds(5)));

        assertThat(stored).isFalse();
        assertThat(repository.all()).containsExactly(first);
    }

    @Test
    void ofSimultaneousDuplicatesFromSeveralThreadsExactlyOneIsStored() throws Exception {
        List<Boolean> stored = Race.of(8, thread -> repository.enrolIfAbsent(enrolment("usr-1", "crs-1", "pay-" + thread, 0)));

        assertThat(stored).containsOnlyOnce(true);
        assertThat(repository.all()).singleElement()
                .satisfies(e -> assertThat(e.paymentId()).isEqualTo("pay-" + stored.indexOf(true)));
    }

    @Test
    void theSameCourseForAnotherUserAndAnotherCourseForTheSameUserAreNotDuplicates() {
        assertThat(repository.enrolIfAbsent(enrolment("usr-1", "crs-1", "pay-1", 0))).isTrue();
        assertThat(repository.enrolIfAbsent(enrolment("usr-2", "crs-1", "pay-2", 1))).isTrue();
        assertThat(repository.enrolIfAbsent(enrolment("usr-1", "crs-2", "pay-3", 2))).isTrue();

        assertThat(repository.all()).hasSize(3);
    }

    @Test
    void byUserListsOnlyThatUsersEnrolmentsInTheOrderRecorded() {
        Enrolment later = enrolment("usr-1", "crs-b", "pay-1", 0);
        Enrolment other = enrolment("usr-2", "crs-a", "pay-2", 1);
        Enrolment earlierCourseRecordedLast = enrolment("usr-1", "crs-a", "pay-3", 2);
        repository.enrolIfAbsent(later);
        repository.enrolIfAbsent(other);
        repository.enrolIfAbsent(earlierCourseRecordedLast);

        assertThat(repository.byUser("usr-1")).containsExactly(later, earlierCourseRecordedLast);
        assertThat(repository.byUser("usr-3")).isEmpty();
    }

    @Test
    void allListsEveryEnrolmentInTheOrderRecorded() {
        Enrolment first = enrolment("usr-2", "crs-2", "pay-1", 0);
        Enrolment second = enrolment("usr-1", "crs-1", "pay-2", 1);
        repository.enrolIfAbsent(first);
        repository.enrolIfAbsent(second);

        assertThat(repository.all()).containsExactly(first, second);
    }

    @Test
    void emptyRepositoryListsNothing() {
        assertThat(repository.all()).isEmpty();
    }

    private static Enrolment enrolment(String user, String course, String payment, int secondsLater) {
        return new Enrolment(user, course, payment, 4900, "EUR", T1.plusSeconds(secondsLater));
    }
}
