package dev.portablefn.examples.learning.local;

import dev.portablefn.api.Provider;
import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.examples.learning.LearningPlatform;
import dev.portablefn.testing.localcloud.LocalCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * The learning platform wired into a {@link LocalCloud} the way the descriptors wire it in the cloud:
 * the same function names, the {@code payments} topic to the enrolment subscriber, the
 * {@code lesson-files} bucket to the upload function (which reads the uploaded file back from it), the nightly schedule at 02:00 UTC. Local
 * runs and the end-to-end test both start here.
 *
 * @param cloud    the cloud the platform runs in
 * @param platform the platform, publishing through the cloud
 */
public record LocalPlatform(LocalCloud cloud, LearningPlatform platform) {

    /** The function serving every HTTP route at once, as the dev server needs a single one. */
    public static final String API = "api";

    /**
     * @param provider the provider whose delivery behaviour (retries, dead letters) LocalCloud reproduces
     * @return the platform deployed into a fresh cloud with in-memory repositories
     */
    public static LocalPlatform start(Provider provider) {
        return start(provider, null);
    }

    /**
     * @param provider the provider whose delivery behaviour LocalCloud reproduces
     * @param now      the instant the cloud's virtual clock starts at, or {@code null} for LocalCloud's fixed start
     * @return the platform deployed into a fresh cloud with in-memory repositories
     */
    public static LocalPlatform start(Provider provider, Instant now) {
        return start(provider, now, LearningPlatform::inMemory);
    }

    /**
     * @param provider the provider whose delivery behaviour LocalCloud reproduces
     * @param now      the instant the cloud's virtual clock starts at, or {@code null} for LocalCloud's fixed start
     * @param platform builds the platform on the cloud's publisher and bucket, such as
     *                 {@code (publisher, blobs) -> LearningPlatform.onDatabase(dataSource, publisher, blobs)}
     * @return the platform deployed into a fresh cloud
     */
    public static LocalPlatform start(Provider provider, Instant now,
                                      BiFunction<Publisher, BlobStore, LearningPlatform> platform) {
        LocalCloud cloud = LocalCloud.like(provider);
        if (now != null && now.isAfter(cloud.now())) {
            cloud.advance(Duration.between(cloud.now(), now)); // nothing is deployed yet, so nothing fires
        }
        return deploy(cloud, platform.apply(cloud.publisher(), cloud.blobStore()));
    }

    private static LocalPlatform deploy(LocalCloud cloud, LearningPlatform platform) {
        cloud.deploy("courses", platform.coursesApi())
                .deploy("users", platform.usersApi())
                .deploy("payment-publisher", platform.paymentPublisher())
                .deploy("reports", platform.reportsApi())
                .deploy(API, platform.httpApi())
                .deploy("payment-subscriber", platform.paymentSubscriber())
                .deploy("lesson-uploads", platform.lessonUploads())
                .deploy("nightly-report", platform.nightlyReport())
                .createTopic(LearningPlatform.PAYMENTS_TOPIC)
                .subscribe(LearningPlatform.PAYMENTS_TOPIC, "payment-subscriber")
                .createBucket(LearningPlatform.LESSONS_BUCKET)
                .subscribe(LearningPlatform.LESSONS_BUCKET, "lesson-uploads")
                .scheduleCron(LearningPlatform.NIGHTLY_SCHEDULE, "0 2 * * *", "nightly-report");
        return new LocalPlatform(cloud, platform);
    }
}
