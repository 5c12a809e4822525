package dev.portablefn.examples.learning;

import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.api.outbound.Publisher;

/**
 * The platform as a deployed function sees it: one {@link LearningPlatform} per container, built on
 * first use, publishing through the provider {@link Publisher} and reading lesson files through the provider
 * {@link BlobStore} the deployment carries ({@link Publisher#registered()}, {@link BlobStore#registered()}: the
 * {@code portablefn-aws-sdk}, {@code portablefn-gcp-sdk} or {@code portablefn-azure-sdk} that the learning platform's
 * {@code aws}, {@code gcp} or {@code azure} module packages). The deployment descriptors map the logical names
 * {@value LearningPlatform#PAYMENTS_TOPIC} and {@value LearningPlatform#LESSONS_BUCKET} to the provider's topic and
 * bucket ({@code PORTABLEFN_DESTINATION_PAYMENTS}, {@code PORTABLEFN_BUCKET_LESSON_FILES}).
 *
 * <p>The repositories are the in-memory ones, so each container keeps its own state: enough to try a
 * deployment, not to run a business. Swap in repositories over your database in {@link #platform()}.
 */
public final class CloudDeployment {

    private CloudDeployment() {
    }

    /** @return this container's platform */
    public static LearningPlatform platform() {
        return Holder.PLATFORM;
    }

    private static final class Holder {
        static final LearningPlatform PLATFORM = LearningPlatform.inMemory(Publisher.registered(),
                BlobStore.registered());
    }
}
