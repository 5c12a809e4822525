package dev.portablefn.examples.learning.courses;

import dev.portablefn.api.PermanentFailure;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** The course catalogue's business rules: ids, unique titles, lookups that fail with 404. */
public final class CourseCatalog {

    private final CourseRepository repository;

    /** @param repository where courses live */
    public CourseCatalog(CourseRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /**
     * Creates a course with a fresh id.
     *
     * @param request the validated request
     * @param clock   the clock stamping {@code createdAt}
     * @return the stored course
     * @throws PermanentFailure (409) when a course with the same title exists
     */
    public Course create(NewCourse request, Clock clock) {
        String title = request.title().strip();
        boolean taken = repository.list().stream().anyMatch(c -> c.title().equalsIgnoreCase(title));
        if (taken) {
            throw PermanentFailure.withStatus(409, "a course titled '" + title + "' already exists; choose another title");
        }
        String id = "crs-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        Course course = new Course(id, title, request.description() == null ? "" : request.description(),
                request.priceCents(), request.currency(), clock.instant());
        repository.save(course);
        return course;
    }

    /**
     * @param id a course id
     * @return the course
     * @throws PermanentFailure (404) when there is no such course
     */
    public Course get(String id) {
        return repository.find(id)
                .orElseThrow(() -> PermanentFailure.withStatus(404, "course " + id + " does not exist"));
    }

    /** @return every course, oldest first */
    public List<Course> list() {
        return repository.list();
    }
}
