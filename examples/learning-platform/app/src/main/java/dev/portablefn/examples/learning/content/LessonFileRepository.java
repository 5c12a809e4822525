package dev.portablefn.examples.learning.content;

import java.util.List;

/** Stores lesson file metadata, keyed by bucket and object key. */
public interface LessonFileRepository {

    /** @param file metadata to store, replacing that of the same object */
    void save(LessonFile file);

    /** @param bucket a bucket @param key an object key @return whether metadata was removed */
    boolean delete(String bucket, String key);

    /** @param courseId a course id @return its lesson files, by file name */
    List<LessonFile> byCourse(String courseId);

    /** @return how many lesson files are recorded */
    int count();
}
