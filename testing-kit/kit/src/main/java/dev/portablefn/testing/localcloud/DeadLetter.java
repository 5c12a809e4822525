package dev.portablefn.testing.localcloud;

import dev.portablefn.api.Event;
import java.time.Instant;

/**
 * A message LocalCloud moved to a dead-letter queue, with why.
 *
 * @param source          the queue, subscription or stream it came from
 * @param deadLetterQueue the queue it went to
 * @param event           the message as it was delivered
 * @param attempts        how many times it was delivered
 * @param reason          the last failure, such as {@code "RetryableException: payment service down"}
 * @param at              when it was dead-lettered, on the virtual clock
 */
public record DeadLetter(String source, String deadLetterQueue, Event<?> event, int attempts, String reason,
                         Instant at) {

    /** @return the message id */
    public String messageId() {
        return event.id();
    }
}
