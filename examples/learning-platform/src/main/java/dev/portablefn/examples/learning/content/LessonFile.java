package dev.portablefn.examples.learning.content;

import java.time.Instant;

/**
 * Metadata of an uploaded lesson file.
 *
 * @param courseId    the course the lesson belongs to
 * @param fileName    the file name within the course's lessons
 * @param bucket      the bucket holding it
 * @param key         its object key
 * @param sizeBytes   its size, or {@code null} when the provider did not say
 * @param contentType its media type, or {@code null} when unknown
 * @param recordedAt  when the upload was recorded
 */
public record LessonFile(String courseId, String fileName, String bucket, String key, Long sizeBytes,
                         String contentType, Instant recordedAt) {
}
