package dev.portablefn.examples.learning.courses;

import java.util.List;
import java.util.Optional;

/** Stores courses; an in-memory implementation serves local runs and tests, a database one the cloud. */
public interface CourseRepository {

    /** @param course the course to store, replacing one with the same id */
    void save(Course course);

    /** @param id a course id @return the course, if stored */
    Optional<Course> find(String id);

    /** @return every course, oldest first */
    List<Course> list();
}
