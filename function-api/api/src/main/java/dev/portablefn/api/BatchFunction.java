package dev.portablefn.api;

import dev.portablefn.api.batch.BatchResult;
import java.util.List;

/**
 * A function that receives a provider batch (SQS, Kinesis, DynamoDB Streams, Event Hubs, ...) whole,
 * for work that is cheaper done for many records at once.
 *
 * <p>Return {@link BatchResult#success()} when every record is done, or a result naming the records
 * that failed so only those are redelivered. Throwing fails every record of the batch.
 *
 * @param <T> the type each record's data is bound to
 */
@FunctionalInterface
public interface BatchFunction<T> {

    /**
     * Handles a batch of events, in the order the provider delivered them.
     *
     * @param events  the records, each with its data bound to {@code T}; never empty
     * @param context the invocation's request id, deadline, trace id and logger
     * @return which records failed, if any
     * @throws Exception to fail the whole batch
     */
    BatchResult handle(List<Event<T>> events, Context context) throws Exception;
}
