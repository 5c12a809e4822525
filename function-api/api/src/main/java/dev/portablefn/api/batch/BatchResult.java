package dev.portablefn.api.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which records of a provider batch failed, so the adapter can report them the provider's way
 * (SQS, Kinesis and DynamoDB {@code batchItemFailures}, ...) and only those are redelivered.
 *
 * @param failures the failed or skipped records, in batch order; empty when all succeeded
 */
public record BatchResult(List<RecordFailure> failures) {

    private static final BatchResult SUCCESS = new BatchResult(List.of());

    /**
     * Keeps an unmodifiable copy of the failures.
     *
     * @param failures the failed or skipped records, in batch order; empty when all succeeded
     * @throws NullPointerException if failures is {@code null} or holds {@code null}
     */
    public BatchResult {
        failures = List.copyOf(failures);
    }

    /**
     * Reports that every record of the batch succeeded, so none is redelivered.
     *
     * @return a result with no failures
     */
    public static BatchResult success() {
        return SUCCESS;
    }

    /**
     * For {@link dev.portablefn.api.BatchFunction}s: the named records failed and should be retried.
     *
     * @param ids the failed records' event ids
     * @return a result reporting them as retryable failures
     * @throws NullPointerException if {@code ids} is or holds {@code null}
     */
    public static BatchResult failed(List<String> ids) {
        List<RecordFailure> failures = new ArrayList<>(ids.size());
        for (String id : ids) {
            failures.add(new RecordFailure(-1, id, Reason.RETRYABLE, null));
        }
        return new BatchResult(failures);
    }

    /**
     * Tells whether every record succeeded.
     *
     * @return {@code true} when there are no failures
     */
    public boolean isSuccess() {
        return failures.isEmpty();
    }

    /**
     * Lists the ids the adapter reports to the provider as failed, failures and skipped records alike.
     *
     * @return the ids of every record to report as failed, in batch order; empty when all succeeded
     */
    public List<String> failedIds() {
        List<String> ids = new ArrayList<>(failures.size());
        for (RecordFailure failure : failures) {
            ids.add(failure.id());
        }
        return ids;
    }

    /**
     * One record that did not succeed.
     *
     * @param index  the record's position in the batch, from 0; -1 when a batch function named only the id
     * @param id     the record's event id (SQS message id, Kinesis sequence number, ...)
     * @param reason why it is reported
     * @param cause  the exception, or {@code null} for a skipped record
     */
    public record RecordFailure(int index, String id, Reason reason, Throwable cause) {
        /**
         * Checks the failure.
         *
         * @param index  the record's position in the batch, from 0; -1 when a batch function named only the id
         * @param id     the record's event id
         * @param reason why it is reported
         * @param cause  the exception, or {@code null} for a skipped record
         * @throws NullPointerException if the id or reason is missing
         */
        public RecordFailure {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a record is reported as failed. */
    public enum Reason {
        /** The function failed in a way worth retrying. */
        RETRYABLE,
        /** The function failed in a way retrying cannot fix; reported so it reaches the dead-letter queue. */
        PERMANENT,
        /** An earlier record of an ordered batch failed, so this one was not attempted. */
        SKIPPED
    }
}
