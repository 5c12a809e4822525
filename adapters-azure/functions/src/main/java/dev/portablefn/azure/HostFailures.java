package dev.portablefn.azure;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.batch.BatchResult.Reason;
import dev.portablefn.api.batch.BatchResult.RecordFailure;
import dev.portablefn.api.batch.BatchResult;
import dev.portablefn.api.batch.Ordering;
import dev.portablefn.runtime.internal.DeadLetters;
import dev.portablefn.runtime.internal.FunctionRunner;
import dev.portablefn.runtime.internal.Outcome;
import dev.portablefn.runtime.internal.json.JsonFields;
import java.util.List;

/**
 * Reports failures to the Azure host the only way it understands: by throwing from the annotated
 * method. The host then retries, poisons, dead-letters or (for stream triggers) applies the function's
 * retry policy. Nothing is acknowledged silently: a permanent failure returns normally only once it is published
 * to the function's own dead-letter destination.
 */
final class HostFailures {

    private HostFailures() {
    }

    /**
     * Throws for a failed event, unless it failed permanently and went to the function's dead-letter destination.
     */
    static void throwIfFailed(Outcome outcome, Event<?> event, String binding, Context context, DeadLetters deadLetters) {
        if (outcome.isSuccess() || outcome.status() == Outcome.Status.PERMANENT_FAILURE
                && deadLetters.publish(event, outcome.failure(), context)) {
            return;
        }
        Throwable failure = outcome.failure();
        context.logger().error("{} event {} failed ({}); throwing so the host {}", binding, event.id(),
                outcome.status(), consequence(binding), failure);
        throw asUnchecked(failure, binding + " event " + event.id() + " failed: " + failure);
    }

    /**
     * Throws for a failed batch: the first failure (retryable or permanent as classified) with every other
     * failure suppressed, its message naming each record that did not complete with its stream position.
     *
     * @param result what {@code FunctionRunner.batch} reported for {@code events}; its permanent failures go to the
     *               function's dead-letter destination first, when it has one
     */
    static void throwIfFailed(BatchResult result, List<? extends Event<?>> events, String binding, Context context,
                              DeadLetters deadLetters) {
        result = deadLetters.settle(result, events::get, context);
        if (result.isSuccess()) {
            return;
        }
        RecordFailure first = result.failures().get(0);
        StringBuilder message = new StringBuilder(binding).append(" batch of ").append(events.size())
                .append(" records: record ").append(first.index()).append(" (").append(first.id()).append(") failed ")
                .append(first.reason() == Reason.PERMANENT ? "permanently" : "retryably").append(": ")
                .append(first.cause() == null ? "reported as failed" : JsonFields.abbreviate(String.valueOf(first.cause().getMessage())))
                .append("; not completed: ");
        for (int i = 0; i < result.failures().size(); i++) {
            RecordFailure failure = result.failures().get(i);
            if (i > 0) {
                message.append(", ");
            }
            message.append(failure.index()).append(' ').append(position(events, failure)).append(' ').append(failure.reason());
        }
        message.append("; ").append(consequence(binding));
        RuntimeException thrown = first.reason() == Reason.PERMANENT
                ? new PermanentFailure(message.toString(), first.cause())
                : new RetryableException(message.toString(), first.cause());
        for (RecordFailure failure : result.failures().subList(1, result.failures().size())) {
            if (failure.cause() != null && failure.cause() != first.cause()) {
                thrown.addSuppressed(failure.cause());
            }
        }
        context.logger().error(message.toString(), first.cause());
        throw thrown;
    }

    /**
     * Dead-letters input the adapter could not decode, as the host delivered it; throws it when the function has no
     * dead-letter destination or the publish fails, so the host's failure path keeps it.
     *
     * @param id  the message or event id when the host sent one, else {@code null}
     * @param raw the payload as the host bound it
     */
    static void deadLetterOrThrow(EventDecodingException malformed, String id, String binding, String raw,
                                  Context context, DeadLetters deadLetters) {
        Trigger trigger = switch (binding) {
            case AzureFunctions.QUEUE, AzureFunctions.SERVICE_BUS -> Trigger.QUEUE;
            case AzureFunctions.BLOB -> Trigger.STORAGE;
            case AzureFunctions.TIMER -> Trigger.SCHEDULE;
            case AzureFunctions.EVENT_HUBS -> Trigger.STREAM;
            case AzureFunctions.COSMOS_DB -> Trigger.DATABASE;
            default -> Trigger.CUSTOM;
        };
        String source = "azure:" + binding.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        if (!deadLetters.publish(DeadLetters.undecodable(id == null || id.isBlank() ? context.requestId() : id, source,
                trigger, raw == null ? "" : raw), malformed, context)) {
            throw malformed;
        }
    }

    /**
     * Runs an ordered batch (Event Hubs, Cosmos DB) and throws for its failure. A record failing permanently goes to
     * the function's dead-letter destination when it has one, and the records after it run on (a re-run from the
     * checkpoint would repeat it); any other failure throws, naming every record not completed.
     */
    static void runOrdered(FunctionRunner runner, List<Event<?>> events, String binding, Context portable) {
        List<Event<?>> rest = events;
        while (!rest.isEmpty()) {
            BatchResult result = runner.batch(rest, Ordering.ORDERED, portable);
            if (result.isSuccess()) {
                return;
            }
            RecordFailure first = result.failures().get(0);
            if (first.reason() != Reason.PERMANENT || !runner.deadLetters().publish(rest.get(first.index()),
                    first.cause() != null ? first.cause() : new PermanentFailure("reported as failed permanently"), portable)) {
                throwIfFailed(result, rest, binding, portable, runner.deadLetters());
                return;
            }
            rest = rest.subList(first.index() + 1, rest.size());
        }
    }

    /** The runner reports every failure at its position in {@code events} (see {@code BatchFailures}). */
    private static String position(List<? extends Event<?>> events, RecordFailure failure) {
        Event<?> event = events.get(failure.index());
        StringBuilder position = new StringBuilder("id=").append(event.id());
        event.attribute("partitionId").ifPresent(p -> position.append(" partition=").append(p));
        event.attribute("offset").ifPresent(o -> position.append(" offset=").append(o));
        event.attribute("sequenceNumber").ifPresent(s -> position.append(" sequenceNumber=").append(s));
        return "[" + position + "]";
    }

    static String consequence(String binding) {
        return switch (binding) {
            case AzureFunctions.QUEUE -> "retries it until host.json queues.maxDequeueCount (default 5), then moves it to the <queue>-poison queue";
            case AzureFunctions.SERVICE_BUS -> "abandons it; Service Bus redelivers until MaxDeliveryCount (default 10), then dead-letters it";
            case AzureFunctions.EVENT_GRID -> "answers with an error; Event Grid retries with backoff, then dead-letters it when a dead-letter destination is set";
            case AzureFunctions.BLOB -> "retries it up to 5 times, then writes it to the webjobs-blobtrigger-poison queue";
            case AzureFunctions.TIMER -> "records a failed run; the tick is retried only under a retry policy, the next tick runs on schedule";
            case AzureFunctions.EVENT_HUBS, AzureFunctions.COSMOS_DB ->
                    "re-runs the batch from the last checkpoint under the function's retry policy (@ExponentialBackoffRetry);"
                    + " without one, or once it is exhausted, the host checkpoints past it: replay from the positions logged here";
            default -> "records the failure";
        };
    }

    private static RuntimeException asUnchecked(Throwable failure, String message) {
        if (failure instanceof RuntimeException unchecked) {
            return unchecked;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new RetryableException(message, failure);
    }
}
