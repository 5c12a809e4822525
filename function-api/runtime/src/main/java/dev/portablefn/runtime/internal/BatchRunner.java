package dev.portablefn.runtime.internal;

import dev.portablefn.api.batch.BatchResult;
import dev.portablefn.api.batch.Ordering;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a batch record by record, keeping its books in {@link BatchFailures}: an unordered batch runs every
 * record; an ordered one stops at the first failure, which is reported with every record after it (not attempted).
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
    public static <R> BatchResult run(List<? extends R> records, Ordering ordering, Function<? super R, String> idOf,
                                      Function<? super R, Outcome> process) {
        BatchFailures failures = BatchFailures.of(records.size(), ordering, index -> idOf.apply(records.get(index)));
        for (int i = 0; i < records.size() && failures.shouldProcess(i); i++) {
            Outcome outcome;
            try {
                outcome = process.apply(records.get(i));
            } catch (RuntimeException failure) {
                outcome = Outcome.failure(failure);
            }
            if (outcome == null) {
                outcome = Outcome.failure(new IllegalStateException("record " + i + " was processed without an outcome"));
            }
            failures.record(i, outcome);
        }
        return failures.result();
    }
}
