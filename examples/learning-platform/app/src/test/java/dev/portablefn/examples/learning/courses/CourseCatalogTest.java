package dev.portablefn.examples.learning.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.portablefn.api.PermanentFailure;
import dev.portablefn.examples.learning.TestContexts;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class CourseCatalogTest {

    private static final Clock CLOCK = Clock.fixed(TestContexts.NOW, ZoneOffset.UTC);

    @Mock
    private CourseRepository repository;

    @Test
    void createStoresTheCourseWithAFreshIdAndTheClocksTime() {
        when(repository.list()).thenReturn(List.of());
        CourseCatalog catalog = new CourseCatalog(repository);

        Course course = catalog.create(new NewCourse("  Serverless Java ", "functions everywhere", 4900, "EUR"), CLOCK);

        ArgumentCaptor<Course> saved = ArgumentCaptor.forClass(Course.class);
        verify(repository).save(saved.capture());
        assertThat(saved.getValue()).isEqualTo(course);
        assertThat(course.id()).matches("crs-[0-9a-f]{8}");
        assertThat(course.title()).isEqualTo("Serverless Java");
        assertThat(course.priceCents()).isEqualTo(4900);
        assertThat(course.currency()).isEqualTo("EUR");
        assertThat(course.createdAt()).isEqualTo(TestContexts.NOW);
    }

    @Test
    void createRejectsADuplicateTitleWith409AndStoresNothing() {
        when(repository.list()).thenReturn(List.of(
                new Course("crs-1", "Serverless Java", "", 100, "EUR", TestContexts.NOW)));
        CourseCatalog catalog = new CourseCatalog(repository);

        assertThatThrownBy(() -> catalog.create(new NewCourse("serverless java", null, 0, "EUR"), CLOCK))
                .isInstanceOfSatisfying(PermanentFailure.class, f -> assertThat(f.status()).isEqualTo(409))
                .hasMessageContaining("already exists");
        verify(repository, never()).save(any());
    }

    @Test
    void getOfAnUnknownCourseIs404NamingIt() {
        when(repository.find("crs-x")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> new CourseCatalog(repository).get("crs-x"))
                .isInstanceOfSatisfying(PermanentFailure.class, f -> assertThat(f.status()).isEqualTo(404))
                .hasMessage("course crs-x does not exist");
    }
}
