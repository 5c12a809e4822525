package dev.portablefn.examples.learning.content;

import dev.portablefn.examples.learning.database.Database;
import dev.portablefn.examples.learning.database.Jdbc;
import java.util.List;
import javax.sql.DataSource;

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

    /**
     * @param dataSource a PostgreSQL database migrated by {@link Database#migrate}
     * @return a repository in the {@code lesson_files} table
     */
    static LessonFileRepository onDatabase(DataSource dataSource) {
        return new JdbcLessonFileRepository(new Jdbc(dataSource));
    }
}
