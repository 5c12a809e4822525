package dev.portablefn.examples.learning.content;

import dev.portablefn.examples.learning.database.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** A {@link LessonFileRepository} in the {@code lesson_files} table, keyed by bucket and object key. */
final class JdbcLessonFileRepository implements LessonFileRepository {

    private static final String COLUMNS =
            "course_id, file_name, bucket, object_key, size_bytes, content_type, sha256, recorded_at";

    private final Jdbc jdbc;

    JdbcLessonFileRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(LessonFile file) {
        jdbc.update("INSERT INTO lesson_files (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (bucket, object_key) DO UPDATE SET course_id = EXCLUDED.course_id,"
                        + " file_name = EXCLUDED.file_name, size_bytes = EXCLUDED.size_bytes,"
                        + " content_type = EXCLUDED.content_type, sha256 = EXCLUDED.sha256,"
                        + " recorded_at = EXCLUDED.recorded_at",
                file.courseId(), file.fileName(), file.bucket(), file.key(), file.sizeBytes(), file.contentType(),
                file.sha256(), file.recordedAt());
    }

    @Override
    public boolean delete(String bucket, String key) {
        return jdbc.update("DELETE FROM lesson_files WHERE bucket = ? AND object_key = ?", bucket, key) > 0;
    }

    @Override
    public List<LessonFile> byCourse(String courseId) {
        // The "C" collation orders by code point, as the in-memory repository's String order does.
        return jdbc.list("SELECT " + COLUMNS + " FROM lesson_files WHERE course_id = ? ORDER BY file_name COLLATE \"C\"",
                JdbcLessonFileRepository::lessonFile, courseId);
    }

    @Override
    public int count() {
        return jdbc.one("SELECT count(*) FROM lesson_files", row -> row.getInt(1)).orElseThrow();
    }

    private static LessonFile lessonFile(ResultSet row) throws SQLException {
        return new LessonFile(row.getString("course_id"), row.getString("file_name"), row.getString("bucket"),
                row.getString("object_key"), row.getObject("size_bytes", Long.class), row.getString("content_type"),
                row.getString("sha256"), Jdbc.instant(row, "recorded_at"));
    }
}
