package dev.portablefn.examples.learning.content;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.examples.learning.courses.CourseRepository;
import java.util.Objects;

/**
 * Reacts to lesson files in the content bucket: an object created at
 * {@code courses/{courseId}/lessons/{fileName}} records its metadata, a deleted one removes it.
 * An object elsewhere or for an unknown course is a permanent failure, so it lands in the
 * dead-letter queue where an operator sees it rather than being retried.
 */
public final class LessonUploads implements EventFunction<StorageObject> {

    /** Where lesson files go in the bucket. */
    public static final String KEY_LAYOUT = "courses/{courseId}/lessons/{fileName}";

    private final LessonFileRepository files;
    private final CourseRepository courses;

    /**
     * @param files   where lesson metadata is recorded
     * @param courses to check the course exists
     */
    public LessonUploads(LessonFileRepository files, CourseRepository courses) {
        this.files = Objects.requireNonNull(files, "files");
        this.courses = Objects.requireNonNull(courses, "courses");
    }

    @Override
    public void handle(Event<StorageObject> event, Context context) {
        StorageObject object = event.data();
        String[] parts = object.key().split("/", -1);
        if (parts.length != 4 || !parts[0].equals("courses") || !parts[2].equals("lessons")
                || parts[1].isEmpty() || parts[3].isEmpty()) {
            throw new PermanentFailure("object " + object.bucket() + "/" + object.key()
                    + " is not a lesson file; upload lessons to " + KEY_LAYOUT);
        }
        String courseId = parts[1];
        switch (object.change()) {
            case CREATED -> {
                if (courses.find(courseId).isEmpty()) {
                    throw new PermanentFailure("lesson file " + object.key() + " belongs to course " + courseId
                            + ", which does not exist; create the course first, then upload again");
                }
                files.save(new LessonFile(courseId, parts[3], object.bucket(), object.key(), object.size(),
                        object.contentType(), context.clock().instant()));
                context.logger().info("recorded lesson {} of course {} ({} bytes)", parts[3], courseId, object.size());
            }
            case DELETED -> {
                boolean removed = files.delete(object.bucket(), object.key());
                context.logger().info("lesson {} of course {} deleted; metadata {}", parts[3], courseId,
                        removed ? "removed" : "was not recorded");
            }
            default -> context.logger().info("ignoring {} of lesson {}: only creations and deletions change metadata",
                    object.change(), object.key());
        }
    }
}
