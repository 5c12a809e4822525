package dev.portablefn.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.BatchFunction;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.InvalidInputException.Violation;
import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.Limits;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.batch.BatchResult;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.runtime.json.JacksonCodec;
import jakarta.validation.constraints.Positive;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionRunnerEventTest {

    record Order(String id, @Positive int quantity) {
    }

    /** Records every event it is given; fails when told to. */
    static final class OrderFunction implements EventFunction<Order> {
        final List<Event<Order>> seen = new ArrayList<>();
        Exception failure;

        @Override
        public void handle(Event<Order> event, Context context) throws Exception {
            seen.add(event);
            if (failure != null) {
                throw failure;
            }
        }
    }

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    private static Context context() {
        return Context.builder().requestId("req-1").functionName("orders").provider(Provider.AWS)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    private static Event<Object> message(Object data) {
        return Event.builder().id("m-1").source("arn:aws:sqs:eu-west-1:1:orders").type("aws:sqs").trigger(Trigger.QUEUE)
                .data(data).attribute("traceparent", "x").deliveryAttempt(2).nativeEvent("raw").build();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void bytesAreBoundToTheDeclaredRecordKeepingTheEventsOtherFields() {
        OrderFunction function = new OrderFunction();

        Outcome outcome = FunctionRunner.of(PortableFunction.of(function))
                .event(message(utf8("{\"id\":\"o-1\",\"quantity\":3}")), context());

        assertThat(outcome).isEqualTo(Outcome.success());
        Event<Order> seen = function.seen.get(0);
        assertThat(seen.data()).isEqualTo(new Order("o-1", 3));
        assertThat(seen.id()).isEqualTo("m-1");
        assertThat(seen.attribute("traceparent")).contains("x");
        assertThat(seen.deliveryAttempt()).hasValue(2);
        assertThat(seen.unwrap(String.class)).isEqualTo("raw");
    }

    @Test
    void jsonTreesAreBoundToo() throws Exception {
        OrderFunction function = new OrderFunction();
        JsonNode tree = JacksonCodec.standard().readTree(utf8("{\"id\":\"o-2\",\"quantity\":1}"));

        FunctionRunner.of(PortableFunction.of(function)).event(message(tree), context());

        assertThat(function.seen.get(0).data()).isEqualTo(new Order("o-2", 1));
    }

    @Test
    void lambdasReceiveDecodedDataWithBytesAsText() {
        List<Object> seen = new ArrayList<>();
        EventFunction<Object> lambda = (event, context) -> seen.add(event.data());
        StorageObject object = StorageObject.of("bucket", "key", StorageObject.Change.CREATED);
        FunctionRunner runner = FunctionRunner.of(PortableFunction.of(lambda));

        runner.event(message(utf8("plain text")), context());
        runner.event(message(object), context());

        assertThat(seen).containsExactly("plain text", object);
    }

    @Test
    void explicitStringAndBytesTypesTakeThePayloadAsIs() {
        List<Object> seen = new ArrayList<>();
        EventFunction<String> text = (event, context) -> seen.add(event.data());
        EventFunction<byte[]> bytes = (event, context) -> seen.add(event.data());

        FunctionRunner.of(PortableFunction.event(String.class, text)).event(message(utf8("{not json")), context());
        FunctionRunner.of(PortableFunction.event(byte[].class, bytes)).event(message(utf8("ab")), context());

        assertThat(seen.get(0)).isEqualTo("{not json");
        assertThat((byte[]) seen.get(1)).isEqualTo(utf8("ab"));
    }

    @Test
    void constraintViolationIsPermanentAndTheFunctionIsNotCalled() {
        OrderFunction function = new OrderFunction();

        Outcome outcome = FunctionRunner.of(PortableFunction.of(function))
                .event(message(utf8("{\"id\":\"o-1\",\"quantity\":0}")), context());

        assertThat(outcome.status()).isEqualTo(Outcome.Status.PERMANENT_FAILURE);
        assertThat(outcome.failure()).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.getMessage()).startsWith("QUEUE event m-1 data is not a valid Order");
            assertThat(e.violations()).containsExactly(new Violation("quantity", "must be greater than 0"));
        });
        assertThat(function.seen).isEmpty();
    }

    @Test
    void withoutValidationTheFunctionSeesInvalidData() {
        OrderFunction function = new OrderFunction();

        Outcome outcome = FunctionRunner.of(PortableFunction.of(function).withoutValidation())
                .event(message(utf8("{\"id\":\"o-1\",\"quantity\":0}")), context());

        assertThat(outcome.isSuccess()).isTrue();
        assertThat(function.seen).hasSize(1);
    }

    @Test
    void malformedPayloadIsPermanentNamingTheEvent() {
        Outcome outcome = FunctionRunner.of(PortableFunction.of(new OrderFunction())).event(message(utf8("{oops")), context());

        assertThat(outcome.status()).isEqualTo(Outcome.Status.PERMANENT_FAILURE);
        assertThat(outcome.failure()).hasMessageStartingWith("QUEUE event m-1 data is not valid JSON");
    }

    @Test
    void oversizePayloadIsPermanent() {
        FunctionRunner runner = FunctionRunner.of(PortableFunction.of(new OrderFunction())
                .withLimits(Limits.defaults().withMaxBodyBytes(5)));

        Outcome outcome = runner.event(message(utf8("{\"id\":\"o-1\"}")), context());

        assertThat(outcome.status()).isEqualTo(Outcome.Status.PERMANENT_FAILURE);
        assertThat(outcome.failure()).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.status()).isEqualTo(413))
                .hasMessage("QUEUE event m-1 data of 12 bytes exceeds the limit of 5 bytes");
    }

    @Test
    void oversizeTextPayloadIsMeasuredInUtf8Bytes() {
        FunctionRunner runner = FunctionRunner.of(PortableFunction.of(new OrderFunction())
                .withLimits(Limits.defaults().withMaxBodyBytes(27)));

        Outcome fits = runner.event(message("{\"id\":\"o-1\",\"quantity\":1}"), context());                // 25 chars, 25 bytes
        Outcome tooBig = runner.event(message("{\"id\":\"ééé\",\"quantity\":1}"), context());   // 25 chars, 28 bytes

        assertThat(fits.status()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(tooBig.failure()).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.status()).isEqualTo(413))
                .hasMessage("QUEUE event m-1 data of 28 bytes exceeds the limit of 27 bytes");
    }

    @Test
    void textSizeCountsEveryUtf8Width() {
        String text = "aé☕\uD83D\uDE00";   // 1 + 2 + 3 + 4 bytes

        assertThat(FunctionRunner.oversize(text, 9)).isEqualTo(10);
        assertThat(FunctionRunner.oversize(text, 10)).isEqualTo(-1);
        assertThat(FunctionRunner.oversize(text, 100)).as("short text is not counted").isEqualTo(-1);
        assertThat(FunctionRunner.oversize(new byte[11], 10)).isEqualTo(11);
        assertThat(FunctionRunner.oversize(null, 0)).isEqualTo(-1);
    }

    @Test
    void unexpectedExceptionIsRetryable() {
        OrderFunction function = new OrderFunction();
        function.failure = new IllegalStateException("boom");

        Outcome outcome = FunctionRunner.of(PortableFunction.of(function)).event(message(utf8("{\"id\":\"o\",\"quantity\":1}")), context());

        assertThat(outcome.status()).isEqualTo(Outcome.Status.RETRYABLE_FAILURE);
        assertThat(outcome.failure()).isSameAs(function.failure);
    }

    @Test
    void retryableAndPermanentFailuresAreClassified() {
        OrderFunction function = new OrderFunction();
        FunctionRunner runner = FunctionRunner.of(PortableFunction.of(function));
        Event<Object> event = message(utf8("{\"id\":\"o\",\"quantity\":1}"));

        function.failure = new RetryableException("busy");
        Outcome retry = runner.event(event, context());
        function.failure = new PermanentFailure("unknown customer");
        Outcome permanent = runner.event(event, context());

        assertThat(retry.status()).isEqualTo(Outcome.Status.RETRYABLE_FAILURE);
        assertThat(permanent.status()).isEqualTo(Outcome.Status.PERMANENT_FAILURE);
        assertThat(permanent.failure()).hasMessage("unknown customer");
    }

    @Test
    void nearlyExpiredInvocationIsRetryableWithoutRunningTheFunction() {
        OrderFunction function = new OrderFunction();
        Context nearlyOver = Context.builder().requestId("r").functionName("f").provider(Provider.AWS)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).deadline(NOW.plusMillis(49)).build();

        Outcome outcome = FunctionRunner.of(PortableFunction.of(function)).event(message(utf8("{\"id\":\"o\",\"quantity\":1}")), nearlyOver);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.RETRYABLE_FAILURE);
        assertThat(outcome.failure()).isInstanceOf(RetryableException.class).hasMessageContaining("49 ms");
        assertThat(function.seen).isEmpty();
    }

    @Test
    void zeroThresholdDisablesTheDeadlineCheck() {
        OrderFunction function = new OrderFunction();
        Context over = Context.builder().requestId("r").functionName("f").provider(Provider.AWS)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).deadline(NOW.minusSeconds(1)).build();

        Outcome outcome = FunctionRunner.of(PortableFunction.of(function).withDeadlineThreshold(java.time.Duration.ZERO))
                .event(message(utf8("{\"id\":\"o\",\"quantity\":1}")), over);

        assertThat(outcome.isSuccess()).isTrue();
    }

    @Test
    void httpFunctionBehindEventTriggerIsPermanentNamingTheFix() {
        Outcome outcome = FunctionRunner.of(PortableFunction.http((request, context) -> HttpResponse.ok()))
                .event(message(utf8("x")), context());

        assertThat(outcome.status()).isEqualTo(Outcome.Status.PERMANENT_FAILURE);
        assertThat(outcome.failure()).hasMessageContaining("is an HTTP function but was invoked by a QUEUE event")
                .hasMessageContaining("deploy it behind an HTTP trigger");
    }

    @Test
    void batchFunctionGivenOneEventHandlesABatchOfOne() {
        List<Integer> sizes = new ArrayList<>();
        BatchFunction<Order> batch = (events, context) -> {
            sizes.add(events.size());
            return events.get(0).data().quantity() > 5 ? BatchResult.failed(List.of(events.get(0).id())) : BatchResult.success();
        };
        FunctionRunner runner = FunctionRunner.of(PortableFunction.batch(Order.class, batch));

        Outcome ok = runner.event(message(utf8("{\"id\":\"o\",\"quantity\":1}")), context());
        Outcome failed = runner.event(message(utf8("{\"id\":\"o\",\"quantity\":9}")), context());
        Outcome invalid = runner.event(message(utf8("{\"id\":\"o\",\"quantity\":0}")), context());

        assertThat(ok.isSuccess()).isTrue();
        assertThat(failed.status()).isEqualTo(Outcome.Status.RETRYABLE_FAILURE);
        assertThat(failed.failure()).hasMessageContaining("m-1");
        assertThat(invalid.status()).isEqualTo(Outcome.Status.PERMANENT_FAILURE);
        assertThat(sizes).containsExactly(1, 1);
    }
}
