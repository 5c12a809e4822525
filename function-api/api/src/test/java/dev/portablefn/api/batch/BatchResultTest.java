package dev.portablefn.api.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.batch.BatchResult.Reason;
import dev.portablefn.api.batch.BatchResult.RecordFailure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchResultTest {

    @Test
    void successHasNoFailures() {
        assertThat(BatchResult.success().isSuccess()).isTrue();
        assertThat(BatchResult.success().failedIds()).isEmpty();
    }

    @Test
    void failedNamesRetryableRecordsById() {
        BatchResult result = BatchResult.failed(List.of("a", "b"));

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.failedIds()).containsExactly("a", "b");
        assertThat(result.failures()).extracting(RecordFailure::index).containsOnly(-1);
        assertThat(result.failures()).extracting(RecordFailure::reason).containsOnly(Reason.RETRYABLE);
    }

    @Test
    void failuresAreCopiedAndUnmodifiable() {
        List<RecordFailure> failures = new ArrayList<>(List.of(new RecordFailure(0, "a", Reason.SKIPPED, null)));

        BatchResult result = new BatchResult(failures);
        failures.clear();

        assertThat(result.failedIds()).containsExactly("a");
        assertThatThrownBy(() -> result.failures().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void recordFailureNeedsIdAndReason() {
        assertThatNullPointerException().isThrownBy(() -> new RecordFailure(0, null, Reason.PERMANENT, null));
        assertThatNullPointerException().isThrownBy(() -> new RecordFailure(0, "a", null, null));
        assertThatNullPointerException().isThrownBy(() -> new BatchResult(null));
    }
}
