package dev.portablefn.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.batch.BatchResult.Reason;
import dev.portablefn.api.batch.BatchResult.RecordFailure;
import dev.portablefn.api.batch.BatchResult;
import dev.portablefn.api.batch.Ordering;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchRunnerTest {

    private static final List<String> RECORDS = List.of("a", "b", "c", "d", "e");

    private static Outcome outcomeOf(String record) {
        return switch (record) {
            case "b" -> Outcome.failure(new RetryableException("busy"));
            case "d" -> Outcome.failure(new PermanentFailure("bad"));
            default -> Outcome.success();
        };
    }

    @Test
    void unorderedReportsEachFailureWithItsReason() {
        BatchResult result = BatchRunner.run(RECORDS, Ordering.UNORDERED, r -> "id-" + r, BatchRunnerTest::outcomeOf);

        assertThat(result.failures()).extracting(RecordFailure::index, RecordFailure::id, RecordFailure::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "id-b", Reason.RETRYABLE),
                org.assertj.core.groups.Tuple.tuple(3, "id-d", Reason.PERMANENT));
    }

    @Test
    void orderedStopsAtFirstFailure() {
        List<String> processed = new ArrayList<>();

        BatchResult result = BatchRunner.run(RECORDS, Ordering.ORDERED, r -> r, r -> {
            processed.add(r);
            return outcomeOf(r);
        });

        assertThat(processed).containsExactly("a", "b");
        assertThat(result.failedIds()).containsExactly("b", "c", "d", "e");
        assertThat(result.failures()).extracting(RecordFailure::reason)
                .containsExactly(Reason.RETRYABLE, Reason.SKIPPED, Reason.SKIPPED, Reason.SKIPPED);
    }

    @Test
    void allSuccessIsTheSharedSuccess() {
        assertThat(BatchRunner.run(List.of("a"), Ordering.ORDERED, r -> r, r -> Outcome.success())).isSameAs(BatchResult.success());
        assertThat(BatchRunner.run(List.<String>of(), Ordering.UNORDERED, r -> r, r -> Outcome.success()).isSuccess()).isTrue();
    }

    @Test
    void processorThatThrowsOrReturnsNullFailsOnlyThatRecord() {
        java.util.function.Function<String, Outcome> careless = r -> {
            if (r.equals("a")) {
                throw new IllegalStateException("bug");
            }
            return r.equals("c") ? null : Outcome.success();
        };

        BatchResult result = BatchRunner.run(RECORDS, Ordering.UNORDERED, r -> r, careless);

        assertThat(result.failedIds()).containsExactly("a", "c");
        assertThat(result.failures()).extracting(RecordFailure::reason).containsOnly(Reason.RETRYABLE);
        assertThat(result.failures().get(0).cause()).hasMessage("bug");
    }
}
