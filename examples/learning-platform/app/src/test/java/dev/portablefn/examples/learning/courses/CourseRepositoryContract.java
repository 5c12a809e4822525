package dev.portablefn.examples.learning.courses;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CourseRepository} does, in memory or in a database. */
abstract class CourseRepositoryContract {

    static final Instant T1 = Instant.parse("2026-03-14T09:26:53.123456Z");
    static final Instant T2 = T1.plusSeconds(60);

    private CourseRepository repository;

    /** @return an empty repository */
    abstract CourseRepository newRepository() throws Exception;

    @BeforeEach
    void emptyRepository() throws Exception {
        repository = newRepository();
    }

    @Test
    void savedCourseIsFoundByIdWithEveryField() {
        Course course = new Course("crs-1", "Café ☕ Java", "€ and 日本語 kept as written", 4900, "EUR", T1);

        repository.save(course);

        assertThat(repository.find("crs-1")).contains(course);
    }

    @Test
    void unknownIdIsNotFound() {
        repository.save(new Course("crs-1", "Java", "", 0, "EUR", T1));

        assertThat(repository.find("crs-2")).isEmpty();
    }

    @Test
    void savingTheSameIdAgainReplacesTheCourse() {
        repository.save(new Course("crs-1", "Java", "first", 100, "EUR", T1));
        Course changed = new Course("crs-1", "Java 21", "second", 200, "USD", T2);

        repository.save(changed);

        assertThat(repository.find("crs-1")).contains(changed);
        assertThat(repository.list()).containsExactly(changed);
    }

    @Test
    void listIsOldestFirstAndCoursesCreatedAtOnceById() {
        Course latest = new Course("crs-a", "Latest", "", 0, "EUR", T2);
        Course sameTimeB = new Course("crs-b", "B", "", 0, "EUR", T1);
        Course sameTimeA = new Course("crs-Z", "A", "", 0, "EUR", T1);

        repository.save(latest);
        repository.save(sameTimeB);
        repository.save(sameTimeA);

        assertThat(repository.list()).containsExactly(sameTimeA, sameTimeB, latest);
    }

    @Test
    void emptyCatalogueListsNothing() {
        assertThat(repository.list()).isEmpty();
    }
}
