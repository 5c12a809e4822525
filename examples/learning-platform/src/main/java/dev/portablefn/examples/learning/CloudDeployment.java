package dev.portablefn.examples.learning;

import dev.portablefn.api.outbound.Publisher;
import java.util.Iterator;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The platform as a deployed function sees it: one {@link LearningPlatform} per container, built on
 * first use, publishing through the {@link Publisher} registered on the classpath
 * ({@code META-INF/services/dev.portablefn.api.outbound.Publisher}).
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
        static final LearningPlatform PLATFORM = LearningPlatform.inMemory(new RegisteredPublisher());
    }

    /** Finds the provider's {@link Publisher} on first publish, so functions that never publish need none. */
    private static final class RegisteredPublisher implements Publisher {
        private volatile Publisher delegate;

        @Override
        public String publish(String destination, String body, Map<String, String> attributes) {
            Publisher found = delegate;
            if (found == null) {
                Iterator<Publisher> registered = ServiceLoader.load(Publisher.class).iterator();
                if (!registered.hasNext()) {
                    throw new IllegalStateException("no " + Publisher.class.getName() + " is registered, so nothing can be"
                            + " published to '" + destination + "'; add a provider Publisher (SNS, Pub/Sub or Service Bus)"
                            + " to the deployment and list it in META-INF/services/" + Publisher.class.getName());
                }
                found = registered.next();
                delegate = found;
            }
            return found.publish(destination, body, attributes);
        }
    }
}
