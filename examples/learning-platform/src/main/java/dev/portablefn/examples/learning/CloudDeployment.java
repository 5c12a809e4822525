package dev.portablefn.examples.learning;

import dev.portablefn.api.outbound.Publisher;

/**
 * The platform as a deployed function sees it: one {@link LearningPlatform} per container, built on
 * first use, publishing through the provider {@link Publisher} the deployment carries
 * ({@link Publisher#registered()}).
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
        static final LearningPlatform PLATFORM = LearningPlatform.inMemory(Publisher.registered());
    }
}
