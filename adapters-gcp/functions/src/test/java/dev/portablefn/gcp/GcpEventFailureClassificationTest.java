package dev.portablefn.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.doubles.gcp.FakeBackgroundContext;
import dev.portablefn.doubles.gcp.FakeCloudEvent;
import dev.portablefn.doubles.logging.RecordingLoggingProvider;
import dev.portablefn.doubles.logging.RecordingLoggingProvider.LoggedLine;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * The event entries give an undecodable event and a permanent failure the same answer (both handed back to the
 * platform, or both dead-lettered); these tests tell them apart by how often the function ran, the reason handed on,
 * and the line the runner logs for a permanent rejection.
 */
class GcpEventFailureClassificationTest {

    record Order(String id) {
    }

    /** What one delivery handed on (its failure, {@code null} when acknowledged) and the runner's rejection lines. */
    record Handled(Throwable handedBack, List<String> permanentRejections) {
    }

    private final AtomicInteger calls = new AtomicInteger();

    private final PortableFunction rejecting = PortableFunction.event(Order.class, (event, context) -> {
        calls.incrementAndGet();
        throw new PermanentFailure("order " + event.data().id() + " is for a closed account");
    });

    private static FakeCloudEvent pubsub(String id, String data) {
        return FakeCloudEvent.builder().id(id).source("//pubsub.googleapis.com/projects/p/topics/orders")
                .type("google.cloud.pubsub.topic.v1.messagePublished").dataContentType("application/json")
                .data(data.getBytes(StandardCharsets.UTF_8)).build();
    }

    private static String message(String json) {
        return "{\"message\":{\"data\":\"" + base64(json) + "\"},\"subscription\":\"projects/p/subscriptions/s\"}";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private interface Delivery {
        void run() throws Exception;
    }

    private static Handled handle(Delivery delivery) {
        Throwable[] handedBack = new Throwable[1];
        List<LoggedLine> lines = RecordingLoggingProvider.linesLoggedDuring(
                () -> handedBack[0] = catchThrowable(delivery::run));
        return new Handled(handedBack[0], lines.stream().filter(line -> line.level() == Level.WARN)
                .map(LoggedLine::message).filter(message -> message.contains("rejected permanently")).toList());
    }

    @Test
    void undecodableCloudEventNeverRunsTheFunctionAndIsHandedOnAsUndecodable() {
        GcpCloudEventFunction entry = new GcpCloudEventFunction(rejecting);

        Handled handled = handle(() -> entry.accept(pubsub("ce-undecodable", "{\"subscription\":\"s\"}")));

        assertThat(calls).hasValue(0);
        assertThat(handled.handedBack()).hasMessageContaining("ce-undecodable").cause()
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("'message' is missing");
        assertThat(handled.permanentRejections()).as("the runner never saw it").isEmpty();
    }

    @Test
    void permanentlyFailingCloudEventRunsTheFunctionOnceAndIsHandedOnAsItsPermanentFailure() {
        GcpCloudEventFunction entry = new GcpCloudEventFunction(rejecting);

        Handled handled = handle(() -> entry.accept(pubsub("ce-permanent", message("{\"id\":\"o-1\"}"))));

        assertThat(calls).hasValue(1);
        assertThat(handled.handedBack()).hasMessageContaining("ce-permanent").cause()
                .isExactlyInstanceOf(PermanentFailure.class).hasMessage("order o-1 is for a closed account");
        assertThat(handled.permanentRejections()).singleElement().asString().contains("order o-1 is for a closed account");
    }

    @Test
    void cloudEventWhoseDataCannotBeBoundIsAPermanentFailureWithoutACall() {
        GcpCloudEventFunction entry = new GcpCloudEventFunction(rejecting);

        Handled handled = handle(() -> entry.accept(pubsub("ce-unbindable", message("not json"))));

        assertThat(calls).hasValue(0);
        assertThat(handled.handedBack()).cause().isInstanceOf(InvalidInputException.class)
                .isNotInstanceOf(EventDecodingException.class).hasMessageContaining("ce-unbindable");
        assertThat(handled.permanentRejections()).singleElement().asString().contains("ce-unbindable");
    }

    @Test
    void backgroundEntryTellsAnUndecodableEventFromAPermanentFailureToo() {
        GcpBackgroundFunction entry = new GcpBackgroundFunction(rejecting);
        FakeBackgroundContext context = new FakeBackgroundContext("bg-1", "2021-02-05T04:06:14.109Z",
                "google.pubsub.topic.publish", "\"projects/p/topics/t\"");

        Handled undecodable = handle(() -> entry.accept("not json", context));
        int callsWhenUndecodable = calls.get();
        Handled permanent = handle(() -> entry.accept("{\"data\":\"" + base64("{\"id\":\"o-2\"}") + "\"}", context));

        assertThat(callsWhenUndecodable).isZero();
        assertThat(undecodable.handedBack()).cause().isInstanceOf(EventDecodingException.class);
        assertThat(undecodable.permanentRejections()).isEmpty();
        assertThat(calls).hasValue(1);
        assertThat(permanent.handedBack()).hasMessageContaining("bg-1").cause()
                .isExactlyInstanceOf(PermanentFailure.class).hasMessage("order o-2 is for a closed account");
        assertThat(permanent.permanentRejections()).singleElement().asString().contains("closed account");
    }

    @Test
    void aLegacyEventWithoutAnEventIdIsHandedBackAsUndecodableNotAsANullPointerException() {
        GcpBackgroundFunction entry = new GcpBackgroundFunction(rejecting);
        FakeBackgroundContext noEventId = new FakeBackgroundContext(null, null, "google.pubsub.topic.publish",
                "\"projects/p/topics/t\"");

        Handled handled = handle(() -> entry.accept("{\"data\":\"" + base64("{\"id\":\"o-3\"}") + "\"}", noEventId));

        assertThat(calls).hasValue(0);
        assertThat(handled.handedBack()).isInstanceOf(PermanentFailure.class).hasMessageContaining("unknown").cause()
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("'eventId' is missing");
    }
}
