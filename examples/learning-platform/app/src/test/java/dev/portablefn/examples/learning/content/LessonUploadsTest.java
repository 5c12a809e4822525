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
import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.examples.learning.TestContexts;
import dev.portablefn.examples.learning.courses.Course;
import dev.portablefn.examples.learning.courses.CourseRepository;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class LessonUploadsTest {

    @Mock
    private LessonFileRepository files;
    @Mock
    private CourseRepository courses;
    @Mock
    private BlobStore blobs;

    @Test
    void aCreatedLessonFileIsReadFromTheBucketAndRecordedWithItsSizeAndChecksum() {
        knownCourse("crs-1");
        // The provider's bucket has a deployment-specific name; the function reads it by the logical one.
        StorageObject object = new StorageObject("my-company-lesson-files", "courses/crs-1/lessons/01-intro.txt", 3L,
                "text/plain", "etag-1", Change.CREATED, null, Map.of());
        when(blobs.get("lesson-files", "courses/crs-1/lessons/01-intro.txt"))
                .thenReturn(Optional.of("abc".getBytes(StandardCharsets.UTF_8)));

        uploads().handle(event(object), TestContexts.at("content"));

        verify(files).save(new LessonFile("crs-1", "01-intro.txt", "my-company-lesson-files",
                "courses/crs-1/lessons/01-intro.txt", 3L, "text/plain",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TestContexts.NOW));
    }

    @Test
    void theSizeRecordedIsWhatWasReadWhenTheEventDoesNotSayIt() {
        knownCourse("crs-1");
        when(blobs.get("lesson-files", "courses/crs-1/lessons/a.pdf")).thenReturn(Optional.of(new byte[5]));

        uploads().handle(event(StorageObject.of("lesson-files", "courses/crs-1/lessons/a.pdf", Change.CREATED)),
                TestContexts.at("content"));

        ArgumentCaptor<LessonFile> saved = ArgumentCaptor.forClass(LessonFile.class);
        verify(files).save(saved.capture());
        assertThat(saved.getValue().sizeBytes()).isEqualTo(5L);
        assertThat(saved.getValue().sha256()).hasSize(64);
    }

    @Test
    void aLessonFileGoneFromTheBucketBeforeItIsReadIsNotRecorded() {
        knownCourse("crs-1");
        when(blobs.get("lesson-files", "courses/crs-1/lessons/a.pdf")).thenReturn(Optional.empty());

        uploads().handle(event(StorageObject.of("lesson-files", "courses/crs-1/lessons/a.pdf", Change.CREATED)),
                TestContexts.at("content"));

        verifyNoInteractions(files);
    }

    @Test
    void aLessonFileLargerThanTheReadLimitIsRecordedFromTheEventWithoutReadingIt() {
        knownCourse("crs-1");
        long size = LessonUploads.MAX_READ_BYTES + 1;
        StorageObject object = new StorageObject("lesson-files", "courses/crs-1/lessons/02-long.mp4", size,
                "video/mp4", "etag-2", Change.CREATED, null, Map.of());

        uploads().handle(event(object), TestContexts.at("content"));

        verify(files).save(new LessonFile("crs-1", "02-long.mp4", "lesson-files", "courses/crs-1/lessons/02-long.mp4",
                size, "video/mp4", null, TestContexts.NOW));
        verifyNoInteractions(blobs);
    }

    @Test
    void aDeletedLessonFileRemovesItsMetadata() {
        uploads().handle(event(StorageObject.of("lesson-files", "courses/crs-1/lessons/a.pdf",
                Change.DELETED)), TestContexts.at("content"));

        verify(files).delete("lesson-files", "courses/crs-1/lessons/a.pdf");
        verifyNoInteractions(courses, blobs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"readme.txt", "courses/crs-1/a.pdf", "courses//lessons/a.pdf", "courses/crs-1/lessons/"})
    void anObjectOutsideTheLessonLayoutIsAPermanentFailureNamingTheLayout(String key) {
        assertThatThrownBy(() -> uploads().handle(
                event(StorageObject.of("lesson-files", key, Change.CREATED)), TestContexts.at("content")))
                .isInstanceOf(PermanentFailure.class)
                .hasMessage("object lesson-files/" + key + " is not a lesson file; upload lessons to "
                        + LessonUploads.KEY_LAYOUT);
        verifyNoInteractions(files, blobs);
    }

    @Test
    void aLessonOfAnUnknownCourseIsAPermanentFailure() {
        when(courses.find("crs-x")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> uploads().handle(
                event(StorageObject.of("lesson-files", "courses/crs-x/lessons/a.pdf", Change.CREATED)),
                TestContexts.at("content")))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("course crs-x, which does not exist");
        verifyNoInteractions(files, blobs);
    }

    private LessonUploads uploads() {
        return new LessonUploads(files, courses, blobs, "lesson-files");
    }

    private void knownCourse(String id) {
        when(courses.find(id)).thenReturn(Optional.of(new Course(id, "Java", "", 0, "EUR", TestContexts.NOW)));
    }

    private static Event<StorageObject> event(StorageObject object) {
        return Event.<StorageObject>builder().id("e-1").source(object.bucket()).type("test").trigger(Trigger.STORAGE)
                .data(object).build();
    }
}
