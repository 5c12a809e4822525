package dev.portablefn.examples.learning.courses;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CourseRepository} in a map, for local runs and tests; thread-safe. */
public final class InMemoryCourseRepository implements CourseRepository {

    private final Map<String, Course> courses = new ConcurrentHashMap<>();

    @Override
    public void save(Course course) {
        courses.put(course.id(), course);
    }

    @Override
    public Optional<Course> find(String id) {
        return Optional.ofNullable(courses.get(id));
    }

    @Override
    public List<Course> list() {
        List<Course> all = new ArrayList<>(courses.values());
        all.sort(Comparator.comparing(Course::createdAt).thenComparing(Course::id));
        return List.copyOf(all);
    }
}
