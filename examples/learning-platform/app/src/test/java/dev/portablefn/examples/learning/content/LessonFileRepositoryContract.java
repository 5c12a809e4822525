package dev.portablefn.examples.learning.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LessonFileRepository} does, in memory or in a database. */
abstract class LessonFileRepositoryContract {

    static final Instant T1 = Instant.parse("2026-03-14T09:26:53.123456Z");
    static final String SHA256 = "a".repeat(64);

    private LessonFileRepository repository;

    /** @return an empty repository */
    abstract LessonFileRepository newRepository() throws Exception;

    @BeforeEach
    void emptyRepository() throws Exception {
        repository = newRepository();
    }

    @Test
    void savedFileIsListedUnderItsCourseWithEveryField() {
        LessonFile file = file("crs-1", "01-intro.mp4");

        repository.save(file);

        assertThat(repository.byCourse("crs-1")).containsExactly(file);
        assertThat(repository.count()).isEqualTo(1);
    }

    @Test
    void sizeContentTypeAndChecksumMayBeUnknown() {
        LessonFile unknowns = new LessonFile("crs-1", "big.mov", "lessons", "courses/crs-1/lessons/big.mov", null, null,
                null, T1);

        repository.save(unknowns);

        assertThat(repository.byCourse("crs-1")).containsExactly(unknowns);
    }

    @Test
    void filesOfACourseAreListedByFileNameAndNoOtherCoursesFiles() {
        for (String name : new String[] {"b.pdf", "a.pdf", "A.pdf", "10-x.pdf"}) {
            repository.save(file("crs-1", name));
        }
        repository.save(file("crs-2", "0-elsewhere.pdf"));

        assertThat(repository.byCourse("crs-1")).extracting(LessonFile::fileName)
                .containsExactly("10-x.pdf", "A.pdf", "a.pdf", "b.pdf");
        assertThat(repository.byCourse("crs-3")).isEmpty();
    }

    @Test
    void savingTheSameObjectAgainReplacesItsMetadata() {
        repository.save(file("crs-1", "01-intro.mp4"));
        LessonFile replaced = new LessonFile("crs-1", "01-intro.mp4", "lessons", "courses/crs-1/lessons/01-intro.mp4",
                2048L, "video/webm", "b".repeat(64), T1.plusSeconds(60));

        repository.save(replaced);

        assertThat(repository.byCourse("crs-1")).containsExactly(replaced);
        assertThat(repository.count()).isEqualTo(1);
    }

    @Test
    void deleteRemovesTheFileAndSaysWhetherItWasRecorded() {
        LessonFile kept = file("crs-1", "kept.pdf");
        repository.save(file("crs-1", "gone.pdf"));
        repository.save(kept);

        assertThat(repository.delete("lessons", "courses/crs-1/lessons/gone.pdf")).isTrue();
        assertThat(repository.delete("lessons", "courses/crs-1/lessons/gone.pdf")).isFalse();
        assertThat(repository.delete("other-bucket", "courses/crs-1/lessons/kept.pdf")).isFalse();

        assertThat(repository.byCourse("crs-1")).containsExactly(kept);
        assertThat(repository.count()).isEqualTo(1);
    }

    @Test
    void countCountsTheFilesOfEveryCourse() {
        repository.save(file("crs-1", "a.pdf"));
        repository.save(file("crs-2", "a.pdf"));

        assertThat(repository.count()).isEqualTo(2);
    }

    private static LessonFile file(String course, String name) {
        return new LessonFile(course, name, "lessons", "courses/" + course + "/lessons/" + name, 1024L,
                "application/pdf", SHA256, T1);
    }
}
