package dev.portablefn.examples.learning;

import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.http.HttpRouter;
import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.examples.learning.content.LessonFileRepository;
import dev.portablefn.examples.learning.content.LessonUploads;
import dev.portablefn.examples.learning.courses.CourseCatalog;
import dev.portablefn.examples.learning.courses.CourseRepository;
import dev.portablefn.examples.learning.courses.CoursesApi;
import dev.portablefn.examples.learning.database.Database;
import dev.portablefn.examples.learning.enrolment.EnrolmentRepository;
import dev.portablefn.examples.learning.enrolment.PaymentSubscriber;
import dev.portablefn.examples.learning.payments.Checkout;
import dev.portablefn.examples.learning.payments.PaymentPublisher;
import dev.portablefn.examples.learning.report.NightlyReportFunction;
import dev.portablefn.examples.learning.report.ReportRepository;
import dev.portablefn.examples.learning.report.ReportsApi;
import dev.portablefn.examples.learning.users.UserAccounts;
import dev.portablefn.examples.learning.users.UserRepository;
import dev.portablefn.examples.learning.users.UsersApi;
import dev.portablefn.idempotency.Idempotency;
import dev.portablefn.idempotency.IdempotencyStore;
import dev.portablefn.idempotency.KeyExtractors;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The composition root: builds every function of the platform over one set of repositories and a
 * {@link Publisher} and {@link BlobStore}: in memory ({@link #inMemory}) for local runs, tests and a first deployment,
 * in PostgreSQL ({@link #onDatabase}) when deployed for real. Local runs and tests share one instance between all
 * functions; in the cloud each container builds its own ({@link CloudDeployment}).
 */
public final class LearningPlatform {

    /** The topic payments are announced on. */
    public static final String PAYMENTS_TOPIC = "payments";
    /** The bucket lesson files are uploaded to, and the logical name lesson uploads read it by. */
    public static final String LESSONS_BUCKET = "lesson-files";
    /** The schedule that builds the nightly report. */
    public static final String NIGHTLY_SCHEDULE = "nightly-report";

    private final CourseRepository courses;
    private final UserRepository users;
    private final EnrolmentRepository enrolments;
    private final LessonFileRepository lessonFiles;
    private final ReportRepository reports;
    private final IdempotencyStore processedPayments;
    private final Publisher publisher;
    private final BlobStore blobs;

    private LearningPlatform(Repositories repositories, Publisher publisher, BlobStore blobs) {
        this.courses = repositories.courses();
        this.users = repositories.users();
        this.enrolments = repositories.enrolments();
        this.lessonFiles = repositories.lessonFiles();
        this.reports = repositories.reports();
        this.processedPayments = repositories.processedPayments();
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
    }

    /**
     * @param publisher where payments are published ({@value #PAYMENTS_TOPIC})
     * @param blobs     where uploaded lesson files are read ({@value #LESSONS_BUCKET})
     * @return a platform over fresh in-memory repositories
     */
    public static LearningPlatform inMemory(Publisher publisher, BlobStore blobs) {
        return new LearningPlatform(Repositories.inMemory(), publisher, blobs);
    }

    /**
     * Brings the database's schema up to date ({@link Database#migrate}), then builds the platform over it: every
     * repository, and the processed payments the subscriber's idempotency middleware keeps, so each container sees
     * the same data.
     *
     * @param dataSource a PostgreSQL database, usually a {@link Database#pool}
     * @param publisher  where payments are published ({@value #PAYMENTS_TOPIC})
     * @param blobs      where uploaded lesson files are read ({@value #LESSONS_BUCKET})
     * @return a platform keeping its data in the database
     * @throws IllegalStateException when the database cannot be reached or migrated
     */
    public static LearningPlatform onDatabase(DataSource dataSource, Publisher publisher, BlobStore blobs) {
        Database.migrate(dataSource);
        return new LearningPlatform(Repositories.onDatabase(dataSource), publisher, blobs);
    }

    /** @return the courses API */
    public CoursesApi coursesApi() {
        return new CoursesApi(new CourseCatalog(courses));
    }

    /** @return the users API */
    public UsersApi usersApi() {
        return new UsersApi(new UserAccounts(users, enrolments));
    }

    /** @return the Payment Publisher */
    public PaymentPublisher paymentPublisher() {
        return new PaymentPublisher(new Checkout(users, courses, publisher, PAYMENTS_TOPIC));
    }

    /** @return the reports API */
    public ReportsApi reportsApi() {
        return new ReportsApi(reports);
    }

    /**
     * The Payment Subscriber behind the library's idempotency middleware, keyed by {@code paymentId}:
     * a payment delivered again (same message or re-published) is acknowledged without running it.
     * The repository's {@code enrolIfAbsent} still guards against a second payment for the same course.
     *
     * @return the subscriber for the {@value #PAYMENTS_TOPIC} topic
     */
    public PortableFunction paymentSubscriber() {
        return PortableFunction.of(new PaymentSubscriber(enrolments))
                .with(Idempotency.middleware(processedPayments, Idempotency.key(KeyExtractors.jsonField("paymentId"))));
    }

    /** @return the lesson upload function, for the {@value #LESSONS_BUCKET} bucket */
    public LessonUploads lessonUploads() {
        return new LessonUploads(lessonFiles, courses, blobs, LESSONS_BUCKET);
    }

    /** @return the nightly report function, for the {@value #NIGHTLY_SCHEDULE} schedule */
    public NightlyReportFunction nightlyReport() {
        return new NightlyReportFunction(users, courses, enrolments, lessonFiles, reports);
    }

    /** @return every HTTP route of the platform behind one function, as the local dev server serves them */
    public HttpFunction httpApi() {
        HttpRouter.Builder all = HttpRouter.builder();
        coursesApi().routes(all);
        usersApi().routes(all);
        paymentPublisher().routes(all);
        reportsApi().routes(all);
        return all.build();
    }

    /** @return the enrolments, for inspection in tests and the local console */
    public EnrolmentRepository enrolments() {
        return enrolments;
    }

    /** @return the lesson file metadata, for inspection */
    public LessonFileRepository lessonFiles() {
        return lessonFiles;
    }

    /** @return the nightly reports, for inspection */
    public ReportRepository reports() {
        return reports;
    }
}
