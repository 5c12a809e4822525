package dev.portablefn.examples.learning.content;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link LessonFileRepository} in a map, for local runs and tests; thread-safe. */
public final class InMemoryLessonFileRepository implements LessonFileRepository {

    private final Map<String, LessonFile> files = new ConcurrentHashMap<>();

    @Override
    public void save(LessonFile file) {
        files.put(file.bucket() + "/" + file.key(), file);
    }

    @Override
    public boolean delete(String bucket, String key) {
        return files.remove(bucket + "/" + key) != null;
    }

    @Override
    public List<LessonFile> byCourse(String courseId) {
        return files.values().stream().filter(f -> f.courseId().equals(courseId))
                .sorted(Comparator.comparing(LessonFile::fileName)).toList();
    }

    @Override
    public int count() {
        return files.size();
    }
}
