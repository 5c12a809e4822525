package dev.portablefn.examples.learning;

import dev.portablefn.api.PortableFunction;
import dev.portablefn.examples.learning.content.LessonUploads;
import dev.portablefn.examples.learning.courses.CoursesApi;
import dev.portablefn.examples.learning.payments.PaymentPublisher;
import dev.portablefn.examples.learning.report.NightlyReportFunction;
import dev.portablefn.examples.learning.report.ReportsApi;
import dev.portablefn.examples.learning.users.UsersApi;

/**
 * The entries {@link LearningPlatformDeployment} names: one static factory per deployed function, each the
 * container's {@link CloudDeployment#platform()} function. The rendered entry classes of every provider call them.
 */
public final class Functions {

    private Functions() {
    }

    /** @return the courses API */
    public static CoursesApi courses() {
        return CloudDeployment.platform().coursesApi();
    }

    /** @return the users API */
    public static UsersApi users() {
        return CloudDeployment.platform().usersApi();
    }

    /** @return the Payment Publisher */
    public static PaymentPublisher paymentPublisher() {
        return CloudDeployment.platform().paymentPublisher();
    }

    /** @return the reports API */
    public static ReportsApi reports() {
        return CloudDeployment.platform().reportsApi();
    }

    /** @return the Payment Subscriber, idempotent per payment */
    public static PortableFunction paymentSubscriber() {
        return CloudDeployment.platform().paymentSubscriber();
    }

    /** @return the lesson upload function */
    public static LessonUploads lessonUploads() {
        return CloudDeployment.platform().lessonUploads();
    }

    /** @return the nightly report function */
    public static NightlyReportFunction nightlyReport() {
        return CloudDeployment.platform().nightlyReport();
    }
}
