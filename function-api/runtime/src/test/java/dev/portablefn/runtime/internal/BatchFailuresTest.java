package dev.portablefn.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.batch.BatchResult.Reason;
import dev.portablefn.api.batch.BatchResult.RecordFailure;
import dev.portablefn.api.batch.BatchResult;
import dev.portablefn.api.batch.Ordering;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BatchFailuresTest {

    /** Record ids as SQS message ids or stream sequence numbers look: not their positions. */
    private static final List<String> IDS = List.of("seq-100", "seq-101", "seq-102", "seq-103", "seq-104");

    private static BatchFailures books(Ordering ordering) {
        return BatchFailures.of(IDS.size(), ordering, IDS::get);
    }

    @ParameterizedTest
    @EnumSource(Ordering.class)
    void reportsExactlyTheFailedRecordsOrTheFirstFailureAndEverythingAfterWhenOrdered(Ordering ordering) {
        BatchFailures failures = books(ordering);
        RetryableException busy = new RetryableException("busy");
        PermanentFailure bad = new PermanentFailure("bad");

        failures.record(0, Outcome.success());
        failures.record(1, Outcome.failure(busy));
        failures.record(3, Outcome.failure(bad));

        BatchResult result = failures.result();
        if (ordering == Ordering.UNORDERED) {
            assertThat(result.failures()).extracting(RecordFailure::index, RecordFailure::id, RecordFailure::reason,
                    RecordFailure::cause).containsExactly(
                    tuple(1, "seq-101", Reason.RETRYABLE, busy),
                    tuple(3, "seq-103", Reason.PERMANENT, bad));
        } else {
            assertThat(result.failures()).extracting(RecordFailure::index, RecordFailure::id, RecordFailure::reason,
                    RecordFailure::cause).containsExactly(
                    tuple(1, "seq-101", Reason.RETRYABLE, busy),
                    tuple(2, "seq-102", Reason.SKIPPED, null),
                    tuple(3, "seq-103", Reason.PERMANENT, bad),
                    tuple(4, "seq-104", Reason.SKIPPED, null));
        }
        assertThat(failures.failedIds()).isEqualTo(result.failedIds());
    }

    @ParameterizedTest
    @EnumSource(Ordering.class)
    void orderedBatchStopsProcessingAtTheFirstFailure(Ordering ordering) {
        BatchFailures failures = books(ordering);

        failures.fail(2, Reason.RETRYABLE, null);

        List<Integer> stillProcessed = IntStream.range(0, IDS.size()).filter(failures::shouldProcess).boxed().toList();
        assertThat(stillProcessed).isEqualTo(ordering == Ordering.ORDERED ? List.of(0, 1) : List.of(0, 1, 2, 3, 4));
    }

    @ParameterizedTest
    @EnumSource(Ordering.class)
    void aBatchWithoutFailuresIsTheSharedSuccessAndNeverAsksForIds(Ordering ordering) {
        List<Integer> asked = new ArrayList<>();
        BatchFailures failures = BatchFailures.of(IDS.size(), ordering, index -> {
            asked.add(index);
            return IDS.get(index);
        });

        for (int i = 0; i < IDS.size() && failures.shouldProcess(i); i++) {
            failures.record(i, Outcome.success());
            failures.forward(i);
        }
        failures.addForwarded(BatchResult.success());

        assertThat(failures.isEmpty()).isTrue();
        assertThat(failures.result()).isSameAs(BatchResult.success());
        assertThat(failures.failedIds()).isEmpty();
        assertThat(asked).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Ordering.class)
    void failuresOfForwardedRecordsAreTranslatedBackToTheirPlaceInTheBatch(Ordering ordering) {
        BatchFailures failures = books(ordering);
        // Record 1 could not be decoded; the next step receives records 0, 2, 3 and 4 as its 0, 1, 2 and 3.
        failures.forward(0);
        failures.fail(1, Reason.PERMANENT, new PermanentFailure("undecodable"));
        if (failures.shouldProcess(2)) {
            failures.forward(2);
            failures.forward(3);
            failures.forward(4);
            failures.addForwarded(new BatchResult(List.of(new RecordFailure(2, "seq-103", Reason.RETRYABLE, null))));
        }

        assertThat(failures.failedIds()).isEqualTo(ordering == Ordering.ORDERED
                ? List.of("seq-101", "seq-102", "seq-103", "seq-104") : List.of("seq-101", "seq-103"));
        assertThat(failures.result().failures()).extracting(RecordFailure::index)
                .isEqualTo(ordering == Ordering.ORDERED ? List.of(1, 2, 3, 4) : List.of(1, 3));
    }

    @ParameterizedTest
    @EnumSource(Ordering.class)
    void failuresNamedOnlyByIdFindTheirPlaceAndTheFirstReportOfARecordWins(Ordering ordering) {
        BatchFailures failures = books(ordering);

        failures.addAll(BatchResult.failed(List.of("seq-104", "seq-102", "seq-104")));
        failures.fail(2, Reason.PERMANENT, null);

        List<Tuple> expected = ordering == Ordering.ORDERED
                ? List.of(tuple(2, Reason.RETRYABLE), tuple(3, Reason.SKIPPED), tuple(4, Reason.RETRYABLE))
                : List.of(tuple(2, Reason.RETRYABLE), tuple(4, Reason.RETRYABLE));
        assertThat(failures.result().failures()).extracting(RecordFailure::index, RecordFailure::reason)
                .containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(Ordering.class)
    void aReportNamingARecordThatIsNotInTheBatchIsRefusedRatherThanLosingTheFailedOne(Ordering ordering) {
        assertThatThrownBy(() -> books(ordering).addAll(BatchResult.failed(List.of("seq-999"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'seq-999'").hasMessageContaining("not in the batch");
        assertThatThrownBy(() -> books(ordering).addAll(new BatchResult(List.of(
                new RecordFailure(0, "seq-101", Reason.RETRYABLE, null)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at index 0");
        BatchFailures forwardedTwo = books(ordering);
        forwardedTwo.forward(0);
        forwardedTwo.forward(1);
        assertThatThrownBy(() -> forwardedTwo.addForwarded(new BatchResult(List.of(
                new RecordFailure(2, "seq-102", Reason.RETRYABLE, null)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'seq-102' at index 2");
    }

    @Test
    void recordsAreForwardedInBatchOrderOnly() {
        BatchFailures failures = books(Ordering.UNORDERED);
        failures.forward(1);

        assertThatThrownBy(() -> failures.forward(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> failures.fail(5, Reason.RETRYABLE, null)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
