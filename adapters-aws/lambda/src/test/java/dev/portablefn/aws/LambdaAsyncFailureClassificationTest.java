package dev.portablefn.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.InvalidInputException;
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
 * An asynchronous event (SNS, S3, EventBridge) that cannot be decoded and one whose function failed permanently get
 * the same answer from the handler (both handed back to Lambda, or both dead-lettered). These tests tell them apart
 * by how often the function ran, the reason handed on, and the line the runner logs for a permanent rejection.
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

    /** What one invocation handed on (its failure, {@code null} when acknowledged) and the WARN/ERROR lines it logged. */
    record Handled(Throwable handedBack, List<LoggedLine> problems) {

        List<String> permanentRejections() {
            return problems.stream().map(LoggedLine::message).filter(line -> line.contains("rejected permanently"))
                    .toList();
        }
    }

    private static byte[] snsEvent(String messageId, boolean withMessage) {
        String sns = Fixtures.text("sns-event.json").replace("95df01b4-ee98-5cb9-9903-4c221d41eb5e", messageId);
        return (withMessage ? sns : sns.replace("\"Message\": \"Hello from SNS!\",", "")).getBytes(StandardCharsets.UTF_8);
    }

    private static Handled handle(LambdaHandler handler, byte[] payload) {
        Throwable[] handedBack = new Throwable[1];
        List<LoggedLine> lines = RecordingLoggingProvider.linesLoggedDuring(() -> handedBack[0] = catchThrowable(
                () -> handler.handleRequest(new ByteArrayInputStream(payload), new ByteArrayOutputStream(),
                        FakeLambdaContext.of("req-1", "orders", 30_000))));
        return new Handled(handedBack[0], lines.stream()
                .filter(line -> line.level() == Level.WARN || line.level() == Level.ERROR).toList());
    }

    @Test
    void undecodableSnsEventNeverReachesTheFunctionAndIsHandedOnAsUndecodable() {
        RejectingEverything function = new RejectingEverything();

        Handled handled = handle(new LambdaHandler(function), snsEvent("sns-undecodable-1", false));

        assertThat(function.calls).hasValue(0);
        assertThat(handled.handedBack()).isInstanceOf(InvocationFailedException.class)
                .cause().isInstanceOf(EventDecodingException.class).hasMessageContaining("'Message' is missing");
        assertThat(handled.permanentRejections()).as("the runner never saw it").isEmpty();
    }

    @Test
    void permanentlyFailingSnsEventReachesTheFunctionOnceAndIsHandedOnAsItsPermanentFailure() {
        RejectingEverything function = new RejectingEverything();

        Handled handled = handle(new LambdaHandler(function), snsEvent("sns-permanent-1", true));

        assertThat(function.calls).hasValue(1);
        assertThat(handled.handedBack()).isInstanceOf(InvocationFailedException.class)
                .hasMessageContaining("sns-permanent-1").cause().isExactlyInstanceOf(PermanentFailure.class)
                .hasMessage("order sns-permanent-1 refers to a deleted customer");
        assertThat(handled.permanentRejections()).singleElement().asString()
                .contains("order sns-permanent-1 refers to a deleted customer");
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

        // "Hello from SNS!" is not JSON: the envelope decodes, but the data cannot become an Order.
        Handled handled = handle(new LambdaHandler(orders), snsEvent("sns-unbindable-1", true));

        assertThat(calls).hasValue(0);
        assertThat(handled.handedBack()).isInstanceOf(InvocationFailedException.class)
                .cause().isInstanceOf(InvalidInputException.class).isNotInstanceOf(EventDecodingException.class)
                .hasMessageContaining("sns-unbindable-1").hasMessageContaining("not valid JSON");
        assertThat(handled.permanentRejections()).singleElement().asString().contains("not valid JSON");
    }
}
