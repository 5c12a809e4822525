package dev.portablefn.runtime.internal;

import dev.portablefn.api.Event;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.http.Redaction;
import dev.portablefn.api.middleware.Invocation;
import dev.portablefn.api.middleware.Middleware;
import dev.portablefn.api.batch.BatchResult.Reason;
import dev.portablefn.api.batch.BatchResult.RecordFailure;
import dev.portablefn.api.batch.BatchResult;
import dev.portablefn.api.batch.Ordering;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The books of one provider batch: which records failed and why, by position in the batch and by the
 * provider's record id (SQS message id, Kinesis or DynamoDB sequence number, Event Hubs event id, ...).
 * The runner, the adapters and the test kit all keep a batch's failures here, so every provider reports
 * the same records: for an {@link Ordering#UNORDERED} batch exactly the failed ones; for an
 * {@link Ordering#ORDERED} one (SQS FIFO, Kinesis, DynamoDB Streams, Event Hubs, Cosmos DB) processing
 * stops at the first failure, which is reported with every record after it, those not attempted as
 * {@link Reason#SKIPPED}.
 *
 * <p>A step that hands only some records on to the next one (the adapter drops undecodable records, the
 * runner those that do not bind) says which with {@link #forward(int)}, and gives back what the next step
 * reported with {@link #addForwarded(BatchResult)}: its positions are translated back to this batch's.
 *
 * <p>Build one per batch and use it from one thread. Nothing is allocated per record until a record fails
 * or is left out of the forwarded ones.
 */
public final class BatchFailures {

    /** Rejected records are logged as the runner's, whose step rejected them. */
    private static final Logger RUNNER_LOG = LoggerFactory.getLogger(FunctionRunner.class);

    private final int size;
    private final boolean ordered;
    private final IntFunction<String> idAt;
    /** The reported failure of each position, first report wins; {@code null} until one fails. */
    private RecordFailure[] failures;
    private int firstFailure = -1;
    /** How many records were forwarded; while {@code forwardedIndex} is {@code null}, they are records 0 to count - 1. */
    private int forwardedCount;
    private int[] forwardedIndex;
    private Map<String, Integer> indexById;

    private BatchFailures(int size, Ordering ordering, IntFunction<String> idAt) {
        if (size < 0) {
            throw new IllegalArgumentException("a batch cannot have " + size + " records");
        }
        this.size = size;
        this.ordered = Objects.requireNonNull(ordering, "ordering") == Ordering.ORDERED;
        this.idAt = Objects.requireNonNull(idAt, "idAt");
    }

    /**
     * Starts the books of a batch whose records the caller holds.
     *
     * @param size     how many records the batch has
     * @param ordering whether the source requires in-order processing
     * @param idAt     the id to report the record at a position by; asked only for failed and skipped records
     * @return empty books: nothing has failed yet
     */
    public static BatchFailures of(int size, Ordering ordering, IntFunction<String> idAt) {
        return new BatchFailures(size, ordering, idAt);
    }

    /**
     * Starts the books of a batch of decoded events, reported by their ids.
     *
     * @param events   the batch, in delivery order
     * @param ordering whether the source requires in-order processing
     * @return empty books: nothing has failed yet
     */
    public static BatchFailures of(List<? extends Event<?>> events, Ordering ordering) {
        return new BatchFailures(events.size(), ordering, index -> events.get(index).id());
    }

    /**
     * Whether the record at a position should still be processed: always in an unordered batch; in an
     * ordered one only while no earlier (or this) record has failed.
     *
     * @param index the record's position, from 0
     * @return {@code false} once an ordered batch has stopped at or before it
     */
    public boolean shouldProcess(int index) {
        return !ordered || firstFailure < 0 || index < firstFailure;
    }

    /**
     * Tells whether the batch is clean so far.
     *
     * @return whether no record has failed so far
     */
    public boolean isEmpty() {
        return firstFailure < 0;
    }

    /**
     * Notes how a record's processing ended; a success changes nothing, a failure is reported with the
     * reason its classification gives ({@link Reason#PERMANENT} or {@link Reason#RETRYABLE}).
     *
     * @param index   the record's position, from 0
     * @param outcome how it ended
     */
    public void record(int index, Outcome outcome) {
        if (!outcome.isSuccess()) {
            fail(index, outcome.status() == Outcome.Status.PERMANENT_FAILURE ? Reason.PERMANENT : Reason.RETRYABLE,
                    outcome.failure());
        }
    }

    /**
     * Reports a record as failed. A record already reported keeps its first report.
     *
     * @param index  the record's position, from 0
     * @param reason why it is reported
     * @param cause  the exception, or {@code null} when there is none to tell
     * @throws IndexOutOfBoundsException if the position is not in the batch
     */
    public void fail(int index, Reason reason, Throwable cause) {
        Objects.checkIndex(index, size);
        Objects.requireNonNull(reason, "reason");
        if (failures == null) {
            failures = new RecordFailure[size];
        }
        if (failures[index] == null) {
            failures[index] = new RecordFailure(index, idAt.apply(index), reason, cause);
            if (firstFailure < 0 || index < firstFailure) {
                firstFailure = index;
            }
        }
    }

    /**
     * Adds the failures reported against this batch, each by its position or, with position -1 (as
     * {@link BatchResult#failed(List)} gives), by its id alone.
     *
     * @param result what a batch function or a step given the whole batch reported; {@code null} is success
     * @throws IllegalStateException if it names a record that is not in the batch, or a position holding another
     *                               record: reporting the wrong record would drop the failed one silently
     */
    public void addAll(BatchResult result) {
        if (result == null) {
            return;
        }
        for (RecordFailure failure : result.failures()) {
            int index = failure.index() >= 0 ? failure.index() : indexOf(failure.id());
            add(index, failure);
        }
    }

    /**
     * Notes that the record at a position goes on to the next step, as the next record of the (sub-)batch that
     * step receives. Call it in batch order.
     *
     * @param index the record's position in this batch, from 0
     * @throws IllegalArgumentException if it is not after the last record forwarded
     */
    public void forward(int index) {
        Objects.checkIndex(index, size);
        if (forwardedIndex == null) {
            if (index == forwardedCount) {
                forwardedCount++;   // every record so far went on: positions are the same in both batches
                return;
            }
            forwardedIndex = new int[size];
            for (int i = 0; i < forwardedCount; i++) {
                forwardedIndex[i] = i;
            }
        }
        if (forwardedCount > 0 && index <= forwardedIndex[forwardedCount - 1]) {
            throw new IllegalArgumentException("record " + index + " forwarded out of batch order");
        }
        forwardedIndex[forwardedCount++] = index;
    }

    /**
     * Adds the failures the next step reported against the records {@link #forward(int) forwarded} to it: a
     * position there is translated to this batch's; position -1 is looked up by id.
     *
     * @param result what the next step reported; {@code null} is success
     * @throws IllegalStateException if it names a record that was not forwarded, or a position holding another record
     */
    public void addForwarded(BatchResult result) {
        if (result == null) {
            return;
        }
        for (RecordFailure failure : result.failures()) {
            int index;
            if (failure.index() < 0) {
                index = indexOf(failure.id());
            } else if (failure.index() >= forwardedCount) {
                index = -1;
            } else {
                index = forwardedIndex == null ? failure.index() : forwardedIndex[failure.index()];
            }
            add(index, failure);
        }
    }

    private void add(int index, RecordFailure failure) {
        if (index < 0 || index >= size || !idAt.apply(index).equals(failure.id())) {
            throw new IllegalStateException("the batch result reports record '" + failure.id()
                    + (failure.index() >= 0 ? "' at index " + failure.index() : "'")
                    + ", which is not in the batch; report failures with BatchResult.failed(ids of the events given)");
        }
        fail(index, failure.reason(), failure.cause());
    }

    private int indexOf(String id) {
        if (indexById == null) {
            indexById = new HashMap<>();
            for (int i = 0; i < size; i++) {
                indexById.putIfAbsent(idAt.apply(i), i);
            }
        }
        Integer index = indexById.get(id);
        return index == null ? -1 : index;
    }

    /**
     * Gives what to report for the batch.
     *
     * @return the failed records in batch order, each with its position and id; for an ordered batch the first
     *         failure and every record after it, those not reported as {@link Reason#SKIPPED}
     */
    public BatchResult result() {
        if (firstFailure < 0) {
            return BatchResult.success();
        }
        List<RecordFailure> reported = new ArrayList<>(ordered ? size - firstFailure : 4);
        for (int i = firstFailure; i < size; i++) {
            RecordFailure failure = failures[i];
            if (failure != null) {
                reported.add(failure);
            } else if (ordered) {
                reported.add(new RecordFailure(i, idAt.apply(i), Reason.SKIPPED, null));
            }
        }
        return new BatchResult(reported);
    }

    /**
     * Gives the ids to report for the batch, without building the failures.
     *
     * @return the ids of the records {@link #result()} reports, in batch order: what SQS, Kinesis and DynamoDB
     *         expect in {@code batchItemFailures}
     */
    public List<String> failedIds() {
        if (firstFailure < 0) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(ordered ? size - firstFailure : 4);
        for (int i = firstFailure; i < size; i++) {
            if (failures[i] != null) {
                ids.add(failures[i].id());
            } else if (ordered) {
                ids.add(idAt.apply(i));
            }
        }
        return ids;
    }

    @Override
    public String toString() {
        return "BatchFailures{" + size + " records, " + (ordered ? "ordered" : "unordered") + ", failed " + failedIds() + "}";
    }

    /**
     * Applies a per-record step of the runner's chain (binding, validation) to a batch: records it rejects are
     * reported, the rest go on to {@code next}. For an ordered batch only the records before the first rejected one
     * go on (the rest are reported as skipped). Failures are indexed by position in the batch this step received.
     */
    static Object perRecord(Invocation invocation, Middleware.Chain next, Ordering ordering,
                            UnaryOperator<Event<?>> step) throws Exception {
        List<Event<?>> events = invocation.events();
        List<Event<?>> accepted = new ArrayList<>(events.size());
        BatchFailures failures = BatchFailures.of(events, ordering);
        for (int i = 0; i < events.size() && failures.shouldProcess(i); i++) {
            Event<?> event = events.get(i);
            try {
                accepted.add(step.apply(event));
                failures.forward(i);
            } catch (PermanentFailure failure) {
                RUNNER_LOG.warn("batch record rejected permanently, not retrying: {}", Redaction.forLog(failure.getMessage(),
                        FunctionRunner.LOGGED_EVENT_MESSAGE));
                failures.fail(i, Reason.PERMANENT, failure);
            }
        }
        if (failures.isEmpty()) {
            return next.proceed(invocation.withInput(accepted));
        }
        if (!accepted.isEmpty()) {
            failures.addForwarded((BatchResult) next.proceed(invocation.withInput(accepted)));
        }
        return failures.result();
    }

}
