package dev.portablefn.runtime.internal;

import dev.portablefn.api.batch.BatchResult;
import dev.portablefn.api.batch.BatchResult.Reason;
import dev.portablefn.api.batch.BatchResult.RecordFailure;
import dev.portablefn.api.batch.Ordering;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one place batch bookkeeping lives: runs each record, collects failures, and for ordered
 * sources stops at the first failure and reports it with every record after it (not attempted).
 */
public final class BatchRunner {

    private BatchRunner() {
    }

    /**
     * Runs every record of a batch and collects the ones to report as failed. An ordered batch stops at the
     * first failure, which is reported together with every later record as skipped.
     *
     * @param records  the batch, in delivery order
     * @param ordering whether order must be kept
     * @param idOf     the id to report a record by
     * @param process  runs one record; an exception it throws counts as that record's failure
     * @param <R>      the record type
     * @return the failed and skipped records, in batch order
     */
    public static <R> BatchResult run(List<R> records, Ordering ordering, Function<R, String> idOf,
                                      Function<R, Outcome> process) {
        List<RecordFailure> failures = null;
        for (int i = 0; i < records.size(); i++) {
            R record = records.get(i);
            Outcome outcome;
            try {
                outcome = process.apply(record);
            } catch (RuntimeException failure) {
                outcome = Outcome.failure(failure);
            }
            if (outcome == null) {
                outcome = Outcome.failure(new IllegalStateException("record " + i + " was processed without an outcome"));
            }
            if (outcome.isSuccess()) {
                continue;
            }
            if (failures == null) {
                failures = new ArrayList<>();
            }
            Reason reason = outcome.status() == Outcome.Status.PERMANENT_FAILURE ? Reason.PERMANENT : Reason.RETRYABLE;
            failures.add(new RecordFailure(i, idOf.apply(record), reason, outcome.failure()));
            if (ordering == Ordering.ORDERED) {
                for (int j = i + 1; j < records.size(); j++) {
                    failures.add(new RecordFailure(j, idOf.apply(records.get(j)), Reason.SKIPPED, null));
                }
                break;
            }
        }
        return failures == null ? BatchResult.success() : new BatchResult(failures);
    }
}
