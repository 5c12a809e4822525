package dev.portablefn.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import dev.portablefn.doubles.logging.RecordingLoggingProvider;
import dev.portablefn.doubles.logging.RecordingLoggingProvider.LoggedLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * An asynchronous event (SNS, S3, EventBridge) that cannot be decoded and one whose function failed permanently used
 * to look the same from outside (both acknowledged, nothing returned). These tests tell them apart by what is stable
 * whatever the handler then answers Lambda: how often the function ran, and the ERROR line that names the reason.
 * Whether the invocation is acknowledged or failed is deliberately not asserted here.
 */
class LambdaAsyncFailureClassificationTest {

    /** Counts its calls and fails each one permanently. */
    static final class RejectingEverything implements EventFunction<String> {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void handle(Event<String> event, Context context) {
            calls.incrementAndGet();
            throw new PermanentFailure("order " + event.id() + " refers to a deleted customer");
        }
    }

    private static byte[] snsEvent(String messageId, boolean withMessage) {
        String sns = Fixtures.text("sns-event.json").replace("95df01b4-ee98-5cb9-9903-4c221d41eb5e", messageId);
        return (withMessage ? sns : sns.replace("\"Message\": \"Hello from SNS!\",", "")).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Runs one invocation, whatever it answers (acknowledged or failed is not what these tests prove), and gives the
     * ERROR lines the handler logged for it.
     */
    private static List<LoggedLine> handlerErrorsOf(LambdaHandler handler, byte[] payload) {
        return RecordingLoggingProvider.linesLoggedDuring(() -> catchThrowable(() -> handler.handleRequest(
                        new ByteArrayInputStream(payload), new ByteArrayOutputStream(),
                        FakeLambdaContext.of("req-1", "orders", 30_000)))).stream()
                .filter(line -> line.level() == Level.ERROR && line.logger().equals(LambdaHandler.class.getName()))
                .toList();
    }

    @Test
    void undecodableSnsEventNeverReachesTheFunctionAndIsLoggedAsUndecodable() {
        RejectingEverything function = new RejectingEverything();

        List<LoggedLine> errors = handlerErrorsOf(new LambdaHandler(function), snsEvent("sns-undecodable-1", false));

        assertThat(function.calls).hasValue(0);
        assertThat(errors).singleElement().satisfies(line -> {
            assertThat(line.message()).contains("undecodable").contains("'Message' is missing")
                    .doesNotContain("permanent failure");
        });
    }

    @Test
    void permanentlyFailingSnsEventReachesTheFunctionOnceAndIsLoggedAsAPermanentFailure() {
        RejectingEverything function = new RejectingEverything();

        List<LoggedLine> errors = handlerErrorsOf(new LambdaHandler(function), snsEvent("sns-permanent-1", true));

        assertThat(function.calls).hasValue(1);
        assertThat(errors).singleElement().satisfies(line -> {
            assertThat(line.message()).contains("sns-permanent-1").contains("permanent failure")
                    .contains("refers to a deleted customer")
                    .doesNotContain("undecodable");
        });
    }

    @Test
    void eventThatCannotBeBoundToTheFunctionsTypeIsAPermanentFailureWithoutACall() {
        record Order(String id) {
        }
        AtomicInteger calls = new AtomicInteger();
        EventFunction<Order> orders = new EventFunction<>() {
            @Override
            public void handle(Event<Order> event, Context context) {
                calls.incrementAndGet();
            }
        };

        // "Hello from SNS!" is not JSON, so the envelope decodes but the data cannot become an Order.
        List<LoggedLine> errors = handlerErrorsOf(new LambdaHandler(orders), snsEvent("sns-unbindable-1", true));

        assertThat(calls).hasValue(0);
        assertThat(errors).singleElement().satisfies(line -> {
            assertThat(line.message()).contains("sns-unbindable-1").contains("permanent failure")
                    .contains("not valid JSON").doesNotContain("undecodable");
        });
    }
}
