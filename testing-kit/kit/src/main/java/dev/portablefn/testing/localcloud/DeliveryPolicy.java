package dev.portablefn.testing.localcloud;

import java.time.Duration;
import java.util.Objects;

/**
 * How LocalCloud delivers the messages of one queue, subscription or stream to its function:
 * visibility timeout, attempts before dead-lettering, backoff between attempts, records per invocation,
 * and the name suffix of the dead-letter queue. Immutable; {@code with…} methods make changed copies.
 *
 * @param visibilityTimeout  how long a received message stays invisible to other receivers (SQS visibility
 *                           timeout, Pub/Sub ack deadline, Service Bus lock duration)
 * @param maxAttempts        deliveries before a failing message is dead-lettered (SQS maxReceiveCount,
 *                           Azure maxDequeueCount / MaxDeliveryCount, Pub/Sub max delivery attempts)
 * @param backoff            when a failed message is redelivered
 * @param batchSize          the most records handed to one invocation
 * @param deadLetterSuffix   appended to the source name to name its dead-letter queue
 */
public record DeliveryPolicy(Duration visibilityTimeout, int maxAttempts, Backoff backoff, int batchSize,
                             String deadLetterSuffix) {

    /** @throws IllegalArgumentException for a non-positive timeout, attempt count or batch size */
    public DeliveryPolicy {
        Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(deadLetterSuffix, "deadLetterSuffix");
        if (visibilityTimeout.isNegative() || visibilityTimeout.isZero()) {
            throw new IllegalArgumentException("visibility timeout must be positive, got " + visibilityTimeout);
        }
        if (maxAttempts < 1 || batchSize < 1) {
            throw new IllegalArgumentException("maxAttempts and batchSize must be at least 1, got "
                    + maxAttempts + " and " + batchSize);
        }
        if (deadLetterSuffix.isEmpty()) {
            throw new IllegalArgumentException("the dead-letter suffix must not be empty: nothing may be lost");
        }
    }

    /** @param timeout the visibility timeout @return a changed copy */
    public DeliveryPolicy withVisibilityTimeout(Duration timeout) {
        return new DeliveryPolicy(timeout, maxAttempts, backoff, batchSize, deadLetterSuffix);
    }

    /** @param attempts deliveries before dead-lettering @return a changed copy */
    public DeliveryPolicy withMaxAttempts(int attempts) {
        return new DeliveryPolicy(visibilityTimeout, attempts, backoff, batchSize, deadLetterSuffix);
    }

    /** @param newBackoff the backoff @return a changed copy */
    public DeliveryPolicy withBackoff(Backoff newBackoff) {
        return new DeliveryPolicy(visibilityTimeout, maxAttempts, newBackoff, batchSize, deadLetterSuffix);
    }

    /** @param size records per invocation @return a changed copy */
    public DeliveryPolicy withBatchSize(int size) {
        return new DeliveryPolicy(visibilityTimeout, maxAttempts, backoff, size, deadLetterSuffix);
    }

    /** @param suffix the dead-letter queue's name suffix @return a changed copy */
    public DeliveryPolicy withDeadLetterSuffix(String suffix) {
        return new DeliveryPolicy(visibilityTimeout, maxAttempts, backoff, batchSize, suffix);
    }
}
