package dev.portablefn.examples.learning;

import dev.portablefn.examples.learning.content.InMemoryLessonFileRepository;
import dev.portablefn.examples.learning.content.LessonFileRepository;
import dev.portablefn.examples.learning.courses.CourseRepository;
import dev.portablefn.examples.learning.courses.InMemoryCourseRepository;
import dev.portablefn.examples.learning.enrolment.EnrolmentRepository;
import dev.portablefn.examples.learning.enrolment.InMemoryEnrolmentRepository;
import dev.portablefn.examples.learning.report.InMemoryReportRepository;
import dev.portablefn.examples.learning.report.ReportRepository;
import dev.portablefn.examples.learning.users.InMemoryUserRepository;
import dev.portablefn.examples.learning.users.UserRepository;
import dev.portablefn.idempotency.IdempotencyStore;
import dev.portablefn.idempotency.InMemoryIdempotencyStore;
import dev.portablefn.idempotency.JdbcIdempotencyStore;
import java.util.Objects;
import javax.sql.DataSource;

/** Where the platform keeps its data: one set of repositories, all in memory or all in one database. */
record Repositories(CourseRepository courses, UserRepository users, EnrolmentRepository enrolments,
                    LessonFileRepository lessonFiles, ReportRepository reports, IdempotencyStore processedPayments) {

    Repositories {
        Objects.requireNonNull(courses, "courses");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(enrolments, "enrolments");
        Objects.requireNonNull(lessonFiles, "lessonFiles");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(processedPayments, "processedPayments");
    }

    static Repositories inMemory() {
        return new Repositories(new InMemoryCourseRepository(), new InMemoryUserRepository(),
                new InMemoryEnrolmentRepository(), new InMemoryLessonFileRepository(), new InMemoryReportRepository(),
                new InMemoryIdempotencyStore());
    }

    /** The database must have been migrated: the idempotency table comes with the platform's migrations. */
    static Repositories onDatabase(DataSource dataSource) {
        return new Repositories(CourseRepository.onDatabase(dataSource), UserRepository.onDatabase(dataSource),
                EnrolmentRepository.onDatabase(dataSource), LessonFileRepository.onDatabase(dataSource),
                ReportRepository.onDatabase(dataSource), JdbcIdempotencyStore.of(dataSource));
    }
}
