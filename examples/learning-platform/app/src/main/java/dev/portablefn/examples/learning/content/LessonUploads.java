package dev.portablefn.examples.learning.content;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.examples.learning.courses.CourseRepository;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Reacts to lesson files in the content bucket: an object created at
 * {@code courses/{courseId}/lessons/{fileName}} is read from the bucket and its metadata recorded with the
 * SHA-256 of its content; a deleted one removes the metadata. An object elsewhere or for an unknown course is a
 * permanent failure, so it lands in the dead-letter queue where an operator sees it rather than being retried.
 *
 * <p>{@link BlobStore#get} reads an object whole, so an object the event says is larger than
 * {@link #MAX_READ_BYTES} is recorded from the event's metadata alone, without a checksum.
 */
public final class LessonUploads implements EventFunction<StorageObject> {

    /** Where lesson files go in the bucket. */
    public static final String KEY_LAYOUT = "courses/{courseId}/lessons/{fileName}";
    /** The largest lesson file read to compute its checksum: well inside the function's 256 MB. */
    public static final long MAX_READ_BYTES = 64L * 1024 * 1024;

    private final LessonFileRepository files;
    private final CourseRepository courses;
    private final BlobStore blobs;
    private final String bucket;

    /**
     * @param files   where lesson metadata is recorded
     * @param courses to check the course exists
     * @param blobs   reads the uploaded files
     * @param bucket  the logical name of the bucket the events come from, as {@code blobs} knows it
     */
    public LessonUploads(LessonFileRepository files, CourseRepository courses, BlobStore blobs, String bucket) {
        this.files = Objects.requireNonNull(files, "files");
        this.courses = Objects.requireNonNull(courses, "courses");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
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
            case CREATED -> created(object, courseId, parts[3], context);
            case DELETED -> {
                boolean removed = files.delete(object.bucket(), object.key());
                context.logger().info("lesson {} of course {} deleted; metadata {}", parts[3], courseId,
                        removed ? "removed" : "was not recorded");
            }
            default -> context.logger().info("ignoring {} of lesson {}: only creations and deletions change metadata",
                    object.change(), object.key());
        }
    }

    private void created(StorageObject object, String courseId, String fileName, Context context) {
        if (courses.find(courseId).isEmpty()) {
            throw new PermanentFailure("lesson file " + object.key() + " belongs to course " + courseId
                    + ", which does not exist; create the course first, then upload again");
        }
        Long size = object.size();
        String sha256 = null;
        if (size == null || size <= MAX_READ_BYTES) {
            Optional<byte[]> content = blobs.get(bucket, object.key());
            if (content.isEmpty()) {
                // Deleted again before this ran: its deletion event follows, so there is nothing to record.
                context.logger().info("lesson {} of course {} is no longer in the bucket; not recorded", fileName,
                        courseId);
                return;
            }
            size = (long) content.get().length;
            sha256 = sha256(content.get());
        }
        files.save(new LessonFile(courseId, fileName, object.bucket(), object.key(), size, object.contentType(),
                sha256, context.clock().instant()));
        context.logger().info("recorded lesson {} of course {} ({} bytes, sha256 {})", fileName, courseId, size,
                sha256 == null ? "not computed: too large to read" : sha256);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
