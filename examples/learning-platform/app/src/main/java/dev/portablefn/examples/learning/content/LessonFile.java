package dev.portablefn.examples.learning.content;

import java.time.Instant;

/**
 * Metadata of an uploaded lesson file.
 *
 * @param courseId    the course the lesson belongs to
 * @param fileName    the file name within the course's lessons
 * @param bucket      the bucket holding it
 * @param key         its object key
 * @param sizeBytes   its size: the bytes read from the bucket, or what the provider said when it was not read
 *                    ({@code null} when neither)
 * @param contentType its media type, or {@code null} when unknown
 * @param sha256      the SHA-256 of its content in lower-case hex, or {@code null} when it was too large to read
 * @param recordedAt  when the upload was recorded
 */
public record LessonFile(String courseId, String fileName, String bucket, String key, Long sizeBytes,
                         String contentType, String sha256, Instant recordedAt) {
}
