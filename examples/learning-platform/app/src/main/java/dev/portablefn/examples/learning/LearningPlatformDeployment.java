package dev.portablefn.examples.learning;

import static dev.portablefn.examples.learning.LearningPlatform.LESSONS_BUCKET;
import static dev.portablefn.examples.learning.LearningPlatform.NIGHTLY_SCHEDULE;
import static dev.portablefn.examples.learning.LearningPlatform.PAYMENTS_TOPIC;

import dev.portablefn.deployment.Application;
import dev.portablefn.deployment.FunctionSpec;
import dev.portablefn.deployment.TriggerSpec;
import java.time.Duration;

/**
 * The learning platform's deployment, declared once: what the aws, gcp and azure modules render at build time into
 * the SAM template, the gcloud script and the Azure app, with the entry classes each names. Failed events are retried
 * 4 times (5 attempts: Pub/Sub's minimum before dead-lettering, the Azure host's retry; Lambda retries an asynchronous
 * event at most twice) and then kept in a dead-letter queue.
 */
public final class LearningPlatformDeployment {

    private static final String ENTRY = Functions.class.getName() + "#";
    private static final int RETRIES = 4;

    private LearningPlatformDeployment() {
    }

    /** @return the declaration */
    public static Application application() {
        return Application.builder("learning-platform")
                .setting("PORTABLEFN_ACCESS_LOG", "true")
                .topic(PAYMENTS_TOPIC)
                .bucket(LESSONS_BUCKET)
                .schedule(NIGHTLY_SCHEDULE, "0 2 * * *", "UTC")
                .deadLetterQueue("payments-enrolment-dlq")
                .deadLetterQueue("lesson-uploads-dlq")
                .deadLetterQueue("nightly-report-dlq")
                .function(http("courses", "courses", "GET /courses", "POST /courses", "GET /courses/{id}")
                        .withMaxConcurrency(20))
                .function(http("users", "users", "POST /users", "GET /users/{id}").withMaxConcurrency(20))
                .function(http("payment-publisher", "paymentPublisher", "POST /payments")
                        .withTimeout(Duration.ofSeconds(15)).withMaxConcurrency(10).withPublishing(PAYMENTS_TOPIC))
                .function(http("reports", "reports", "GET /reports/{date}").withMemoryMb(256).withMaxConcurrency(5))
                .function(FunctionSpec.of("payment-subscriber", ENTRY + "paymentSubscriber",
                                TriggerSpec.topic(PAYMENTS_TOPIC))
                        .withMemoryMb(512).withTimeout(Duration.ofSeconds(30)).withMaxConcurrency(5)
                        .withRetries(RETRIES).withDeadLetter("payments-enrolment-dlq"))
                .function(FunctionSpec.of("lesson-uploads", ENTRY + "lessonUploads",
                                TriggerSpec.bucket(LESSONS_BUCKET, "courses/"))
                        .withMemoryMb(256).withTimeout(Duration.ofSeconds(60)).withMaxConcurrency(5)
                        .withRetries(RETRIES).withDeadLetter("lesson-uploads-dlq").withBucket(LESSONS_BUCKET))
                .function(FunctionSpec.of("nightly-report", ENTRY + "nightlyReport",
                                TriggerSpec.schedule(NIGHTLY_SCHEDULE))
                        .withMemoryMb(1024).withTimeout(Duration.ofMinutes(5)).withMaxConcurrency(1)
                        .withRetries(RETRIES).withDeadLetter("nightly-report-dlq")
                        // it reads every enrolment: longer statements than the HTTP functions' 5 s default
                        .withSetting("PORTABLEFN_DATABASE_STATEMENT_TIMEOUT_SECONDS", "60"))
                .build();
    }

    private static FunctionSpec http(String name, String factory, String... routes) {
        return FunctionSpec.of(name, ENTRY + factory, TriggerSpec.http(routes))
                .withMemoryMb(512).withTimeout(Duration.ofSeconds(10));
    }
}
