package dev.portablefn.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.BatchFunction;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.Limits;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.batch.BatchResult.Reason;
import dev.portablefn.api.batch.BatchResult.RecordFailure;
import dev.portablefn.api.batch.BatchResult;
import dev.portablefn.api.batch.Ordering;
import dev.portablefn.api.http.HttpResponse;
import jakarta.validation.constraints.Positive;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FunctionRunnerBatchTest {

    record Order(int number, @Positive int quantity) {
    }

    private static final Context CONTEXT = Context.builder().requestId("req-1").functionName("orders").provider(Provider.AWS).build();

    /** Ten SQS-like records m-0..m-9 whose data is {"number":i,"quantity":1}. */
    private static List<Event<?>> records(int count) {
        return IntStream.range(0, count).<Event<?>>mapToObj(i -> record(i, "{\"number\":" + i + ",\"quantity\":1}")).toList();
    }

    private static Event<byte[]> record(int i, String json) {
        return Event.<byte[]>builder().id("m-" + i).source("queue").type("aws:sqs").trigger(Trigger.QUEUE)
                .data(json.getBytes(StandardCharsets.UTF_8)).build();
    }

    private static List<Event<?>> withRecord(List<Event<?>> records, int index, String json) {
        List<Event<?>> copy = new ArrayList<>(records);
        copy.set(index, record(index, json));
        return copy;
    }

    /** An event function failing the records whose numbers it is given, retryably. */
    private static final class Failing implements EventFunction<Order> {
        final List<Integer> attempted = Collections.synchronizedList(new ArrayList<>());
        final Set<Integer> failing;

        Failing(Integer... failing) {
            this.failing = Set.of(failing);
        }

        @Override
        public void handle(Event<Order> event, Context context) {
            attempted.add(event.data().number());
            if (failing.contains(event.data().number())) {
                throw new IllegalStateException("record " + event.data().number() + " failed");
            }
        }
    }

    @Test
    void unorderedBatchReportsExactlyTheFailedRecords() {
        Failing function = new Failing(3, 7);

        BatchResult result = FunctionRunner.of(PortableFunction.of(function)).batch(records(10), Ordering.UNORDERED, CONTEXT);

        assertThat(result.failedIds()).containsExactly("m-3", "m-7");
        assertThat(result.failures()).extracting(RecordFailure::index).containsExactly(3, 7);
        assertThat(result.failures()).extracting(RecordFailure::reason).containsOnly(Reason.RETRYABLE);
        assertThat(result.failures().get(0).cause()).hasMessage("record 3 failed");
        assertThat(function.attempted).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void orderedBatchStopsAtFirstFailureAndSkipsTheRest() {
        Failing function = new Failing(3, 7);

        BatchResult result = FunctionRunner.of(PortableFunction.of(function)).batch(records(10), Ordering.ORDERED, CONTEXT);

        assertThat(result.failedIds()).containsExactly("m-3", "m-4", "m-5", "m-6", "m-7", "m-8", "m-9");
        assertThat(result.failures().get(0).reason()).isEqualTo(Reason.RETRYABLE);
        assertThat(result.failures().subList(1, 7)).extracting(RecordFailure::reason).containsOnly(Reason.SKIPPED);
        assertThat(result.failures().subList(1, 7)).extracting(RecordFailure::cause).containsOnlyNulls();
        assertThat(function.attempted).containsExactly(0, 1, 2, 3);
    }

    @Test
    void successfulBatchAndEmptyBatchSucceed() {
        FunctionRunner runner = FunctionRunner.of(PortableFunction.of(new Failing()));

        assertThat(runner.batch(records(5), Ordering.ORDERED, CONTEXT).isSuccess()).isTrue();
        assertThat(runner.batch(List.of(), Ordering.UNORDERED, CONTEXT)).isSameAs(BatchResult.success());
    }

    @Test
    void recordsFailingBindingAreReportedPermanentWhileTheRestRun() {
        Failing function = new Failing();
        List<Event<?>> batch = withRecord(withRecord(records(5), 1, "{broken"), 3, "{\"number\":3,\"quantity\":0}");

        BatchResult result = FunctionRunner.of(PortableFunction.of(function)).batch(batch, Ordering.UNORDERED, CONTEXT);

        assertThat(result.failedIds()).containsExactly("m-1", "m-3");
        assertThat(result.failures()).extracting(RecordFailure::reason).containsOnly(Reason.PERMANENT);
        assertThat(result.failures()).extracting(RecordFailure::cause).allMatch(InvalidInputException.class::isInstance);
        assertThat(function.attempted).containsExactly(0, 2, 4);
    }

    @Test
    void permanentFailureOfAFunctionIsReportedPermanent() {
        EventFunction<Order> function = (event, context) -> {
            if (event.data().number() == 2) {
                throw new PermanentFailure("unknown product");
            }
        };

        BatchResult result = FunctionRunner.of(PortableFunction.event(Order.class, function)).batch(records(4), Ordering.UNORDERED, CONTEXT);

        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.id()).isEqualTo("m-2");
            assertThat(failure.reason()).isEqualTo(Reason.PERMANENT);
        });
    }

    @ParameterizedTest
    @EnumSource(Ordering.class)
    void batchOverTheLimitFailsEveryRecordPermanentlyWithoutRunning(Ordering ordering) {
        Failing function = new Failing();

        BatchResult result = FunctionRunner.of(PortableFunction.of(function).withLimits(Limits.defaults().withMaxBatchSize(3)))
                .batch(records(4), ordering, CONTEXT);

        assertThat(result.failedIds()).containsExactly("m-0", "m-1", "m-2", "m-3");
        assertThat(result.failures()).extracting(RecordFailure::reason).containsOnly(Reason.PERMANENT);
        assertThat(result.failures().get(0).cause()).hasMessageContaining("batch of 4 records exceeds the limit of 3");
        assertThat(function.attempted).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Ordering.class)
    void httpFunctionGivenABatchFailsEveryRecordPermanently(Ordering ordering) {
        BatchResult result = FunctionRunner.of(PortableFunction.http((request, context) -> HttpResponse.ok()))
                .batch(records(3), ordering, CONTEXT);

        assertThat(result.failures()).hasSize(3);
        assertThat(result.failures().get(0).reason()).isEqualTo(Reason.PERMANENT);
        assertThat(result.failures().get(0).cause()).hasMessageContaining("is an HTTP function");
    }

    // Batch functions

    /** A batch function that records what it saw and returns what it is told to. */
    private static final class Recording implements BatchFunction<Order> {
        final List<List<Integer>> calls = new ArrayList<>();
        final java.util.function.Function<List<Event<Order>>, BatchResult> answer;

        Recording(java.util.function.Function<List<Event<Order>>, BatchResult> answer) {
            this.answer = answer;
        }

        @Override
        public BatchResult handle(List<Event<Order>> events, Context context) {
            calls.add(events.stream().map(e -> e.data().number()).toList());
            return answer.apply(events);
        }
    }

    @Test
    void batchFunctionGetsTheWholeBatchBound() {
        Recording function = new Recording(events -> BatchResult.success());

        BatchResult result = FunctionRunner.of(PortableFunction.of(function)).batch(records(4), Ordering.UNORDERED, CONTEXT);

        assertThat(result.isSuccess()).isTrue();
        assertThat(function.calls).containsExactly(List.of(0, 1, 2, 3));
    }

    @Test
    void partialResultsByIdAreNormalisedIntoBatchOrderWithIndexes() {
        Recording function = new Recording(events -> BatchResult.failed(List.of("m-4", "m-1", "m-4")));

        BatchResult result = FunctionRunner.of(PortableFunction.of(function)).batch(records(6), Ordering.UNORDERED, CONTEXT);

        assertThat(result.failedIds()).containsExactly("m-1", "m-4");
        assertThat(result.failures()).extracting(RecordFailure::index).containsExactly(1, 4);
        assertThat(result.failures()).extracting(RecordFailure::reason).containsOnly(Reason.RETRYABLE);
    }

    @Test
    void orderedPartialResultReportsEverythingAfterTheFirstFailure() {
        Recording function = new Recording(events -> BatchResult.failed(List.of("m-4", "m-2")));

        BatchResult result = FunctionRunner.of(PortableFunction.of(function)).batch(records(6), Ordering.ORDERED, CONTEXT);

        assertThat(result.failedIds()).containsExactly("m-2", "m-3", "m-4", "m-5");
        assertThat(result.failures()).extracting(RecordFailure::reason)
                .containsExactly(Reason.RETRYABLE, Reason.SKIPPED, Reason.RETRYABLE, Reason.SKIPPED);
        assertThat(result.failures()).extracting(RecordFailure::index).containsExactly(2, 3, 4, 5);
    }

    @Test
    void bindingFailuresAreReportedAndFunctionIndexesAreMappedBackToTheBatch() {
        // The function sees records 0, 2, 3, 4 and reports the third of those (record 3) by its index.
        Recording function = new Recording(events -> new BatchResult(List.of(
                new RecordFailure(2, events.get(2).id(), Reason.RETRYABLE, new IllegalStateException("x")))));
        List<Event<?>> batch = withRecord(records(5), 1, "not json");

        BatchResult result = FunctionRunner.of(PortableFunction.of(function)).batch(batch, Ordering.UNORDERED, CONTEXT);

        assertThat(function.calls).containsExactly(List.of(0, 2, 3, 4));
        assertThat(result.failures()).extracting(RecordFailure::id, RecordFailure::index, RecordFailure::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("m-1", 1, Reason.PERMANENT),
                        org.assertj.core.groups.Tuple.tuple("m-3", 3, Reason.RETRYABLE));
    }

    @Test
    void orderedBatchFunctionNeverSeesRecordsAfterAnInvalidOne() {
        Recording function = new Recording(events -> BatchResult.success());
        List<Event<?>> batch = withRecord(records(5), 2, "{\"number\":2,\"quantity\":-1}");

        BatchResult result = FunctionRunner.of(PortableFunction.of(function)).batch(batch, Ordering.ORDERED, CONTEXT);

        assertThat(function.calls).containsExactly(List.of(0, 1));
        assertThat(result.failures()).extracting(RecordFailure::id, RecordFailure::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("m-2", Reason.PERMANENT),
                org.assertj.core.groups.Tuple.tuple("m-3", Reason.SKIPPED),
                org.assertj.core.groups.Tuple.tuple("m-4", Reason.SKIPPED));
    }

    @Test
    void batchWhoseEveryRecordIsInvalidDoesNotCallTheFunction() {
        Recording function = new Recording(events -> BatchResult.success());

        BatchResult result = FunctionRunner.of(PortableFunction.of(function))
                .batch(List.of(record(0, "x"), record(1, "y")), Ordering.UNORDERED, CONTEXT);

        assertThat(function.calls).isEmpty();
        assertThat(result.failedIds()).containsExactly("m-0", "m-1");
    }

    @ParameterizedTest
    @EnumSource(Ordering.class)
    void throwingBatchFunctionFailsTheBatchRetryably(Ordering ordering) {
        BatchFunction<Order> function = (events, context) -> {
            throw new IllegalStateException("database down");
        };

        BatchResult result = FunctionRunner.of(PortableFunction.batch(Order.class, function)).batch(records(3), ordering, CONTEXT);

        assertThat(result.failedIds()).containsExactly("m-0", "m-1", "m-2");
        assertThat(result.failures().get(0).reason()).isEqualTo(Reason.RETRYABLE);
        assertThat(result.failures().get(0).cause()).hasMessage("database down");
    }

    @Test
    void nullResultMeansSuccess() {
        BatchResult result = FunctionRunner.of(PortableFunction.of(new Recording(events -> null)))
                .batch(records(2), Ordering.ORDERED, CONTEXT);

        assertThat(result.isSuccess()).isTrue();
    }

    @Test
    void reportingARecordNotInTheBatchFailsTheWholeBatchInsteadOfLosingOne() {
        Recording function = new Recording(events -> BatchResult.failed(List.of("m-99")));

        BatchResult result = FunctionRunner.of(PortableFunction.of(function)).batch(records(3), Ordering.UNORDERED, CONTEXT);

        assertThat(result.failedIds()).containsExactly("m-0", "m-1", "m-2");
        assertThat(result.failures()).extracting(RecordFailure::reason).containsOnly(Reason.RETRYABLE);
        assertThat(result.failures().get(0).cause()).hasMessageContaining("m-99").hasMessageContaining("not in the batch");
    }

    @Test
    void reportingAnIndexThatDoesNotMatchItsIdFailsTheWholeBatch() {
        Recording function = new Recording(events -> new BatchResult(List.of(new RecordFailure(7, "m-1", Reason.RETRYABLE, null))));

        BatchResult result = FunctionRunner.of(PortableFunction.of(function)).batch(records(3), Ordering.UNORDERED, CONTEXT);

        assertThat(result.failedIds()).containsExactly("m-0", "m-1", "m-2");
    }

    @Test
    void permanentReasonsFromTheFunctionAreKept() {
        Recording function = new Recording(events -> new BatchResult(List.of(
                new RecordFailure(-1, "m-1", Reason.PERMANENT, new PermanentFailure("bad")))));

        BatchResult result = FunctionRunner.of(PortableFunction.of(function)).batch(records(3), Ordering.UNORDERED, CONTEXT);

        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.index()).isEqualTo(1);
            assertThat(failure.reason()).isEqualTo(Reason.PERMANENT);
        });
    }
}
