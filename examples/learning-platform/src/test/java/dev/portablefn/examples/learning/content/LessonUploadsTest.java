package dev.portablefn.examples.learning.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.portablefn.api.Event;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.event.StorageObject.Change;
import dev.portablefn.examples.learning.TestContexts;
import dev.portablefn.examples.learning.courses.Course;
import dev.portablefn.examples.learning.courses.CourseRepository;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class LessonUploadsTest {

    @Mock
    private LessonFileRepository files;
    @Mock
    private CourseRepository courses;

    @Test
    void aCreatedLessonFileIsRecordedWithItsMetadata() {
        when(courses.find("crs-1")).thenReturn(Optional.of(new Course("crs-1", "Java", "", 0, "EUR", TestContexts.NOW)));
        StorageObject object = new StorageObject("lesson-files", "courses/crs-1/lessons/01-intro.mp4", 1_048_576L,
                "video/mp4", "etag-1", Change.CREATED, null, Map.of());

        new LessonUploads(files, courses).handle(event(object), TestContexts.at("content"));

        verify(files).save(new LessonFile("crs-1", "01-intro.mp4", "lesson-files", "courses/crs-1/lessons/01-intro.mp4",
                1_048_576L, "video/mp4", TestContexts.NOW));
    }

    @Test
    void aDeletedLessonFileRemovesItsMetadata() {
        new LessonUploads(files, courses).handle(event(StorageObject.of("lesson-files", "courses/crs-1/lessons/a.pdf",
                Change.DELETED)), TestContexts.at("content"));

        verify(files).delete("lesson-files", "courses/crs-1/lessons/a.pdf");
        verifyNoInteractions(courses);
    }

    @ParameterizedTest
    @ValueSource(strings = {"readme.txt", "courses/crs-1/a.pdf", "courses//lessons/a.pdf", "courses/crs-1/lessons/"})
    void anObjectOutsideTheLessonLayoutIsAPermanentFailureNamingTheLayout(String key) {
        assertThatThrownBy(() -> new LessonUploads(files, courses).handle(
                event(StorageObject.of("lesson-files", key, Change.CREATED)), TestContexts.at("content")))
                .isInstanceOf(PermanentFailure.class)
                .hasMessage("object lesson-files/" + key + " is not a lesson file; upload lessons to "
                        + LessonUploads.KEY_LAYOUT);
        verifyNoInteractions(files);
    }

    @Test
    void aLessonOfAnUnknownCourseIsAPermanentFailure() {
        when(courses.find("crs-x")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> new LessonUploads(files, courses).handle(
                event(StorageObject.of("lesson-files", "courses/crs-x/lessons/a.pdf", Change.CREATED)),
                TestContexts.at("content")))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("course crs-x, which does not exist");
        verifyNoInteractions(files);
    }

    private static Event<StorageObject> event(StorageObject object) {
        return Event.<StorageObject>builder().id("e-1").source(object.bucket()).type("test").trigger(Trigger.STORAGE)
                .data(object).build();
    }
}
