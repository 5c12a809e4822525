package dev.portablefn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The event entries give an undecodable event and a permanent failure the same answer to the framework; these tests
 * tell them apart by how often the function ran and by the ERROR line naming the reason, and assert nothing about
 * whether the event is acknowledged.
 */
class GcpEventFailureClassificationTest {

    record Order(String id) {
    }

    private final AtomicInteger calls = new AtomicInteger();

    private final GcpCloudEventFunction rejecting = new GcpCloudEventFunction(PortableFunction.event(Order.class,
            (event, context) -> {
                calls.incrementAndGet();
                throw new PermanentFailure("order " + event.data().id() + " is for a closed account");
            }));

    private static FakeCloudEvent pubsub(String id, String data) {
        return FakeCloudEvent.builder().id(id).source("//pubsub.googleapis.com/projects/p/topics/orders")
                .type("google.cloud.pubsub.topic.v1.messagePublished").dataContentType("application/json")
                .data(data.getBytes(StandardCharsets.UTF_8)).build();
    }

    private static String message(String json) {
        return "{\"message\":{\"data\":\"" + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))
                + "\"},\"subscription\":\"projects/p/subscriptions/s\"}";
    }

    /** Runs one delivery, whatever it answers, and gives the entry's ERROR lines about it. */
    private static List<LoggedLine> entryErrorsOf(Runnable delivery) {
        return RecordingLoggingProvider.linesLoggedDuring(delivery).stream()
                .filter(line -> line.level() == Level.ERROR && line.logger().equals(GcpRuntime.class.getName()))
                .toList();
    }

    private void deliver(FakeCloudEvent event) {
        try {
            rejecting.accept(event);
        } catch (Exception answered) {
            // acknowledged or failed: not what these tests prove
        }
    }

    @Test
    void undecodableCloudEventNeverRunsTheFunctionAndIsLoggedAsUndecodable() {
        List<LoggedLine> errors = entryErrorsOf(() -> deliver(pubsub("ce-undecodable", "{\"subscription\":\"s\"}")));

        assertThat(calls).hasValue(0);
        assertThat(errors).singleElement().satisfies(line -> assertThat(line.message())
                .contains("cannot be decoded").contains("ce-undecodable").contains("'message' is missing")
                .doesNotContain("failed permanently"));
    }

    @Test
    void permanentlyFailingCloudEventRunsTheFunctionOnceAndIsLoggedAsAPermanentFailure() {
        List<LoggedLine> errors = entryErrorsOf(() -> deliver(pubsub("ce-permanent", message("{\"id\":\"o-1\"}"))));

        assertThat(calls).hasValue(1);
        assertThat(errors).singleElement().satisfies(line -> assertThat(line.message())
                .contains("ce-permanent").contains("failed permanently").contains("closed account")
                .doesNotContain("cannot be decoded"));
    }

    @Test
    void cloudEventWhoseDataCannotBeBoundIsAPermanentFailureWithoutACall() {
        List<LoggedLine> errors = entryErrorsOf(() -> deliver(pubsub("ce-unbindable", message("not json"))));

        assertThat(calls).hasValue(0);
        assertThat(errors).singleElement().satisfies(line -> assertThat(line.message())
                .contains("ce-unbindable").contains("failed permanently").doesNotContain("cannot be decoded"));
    }

    @Test
    void backgroundEntryTellsAnUndecodableEventFromAPermanentFailureToo() {
        GcpBackgroundFunction background = new GcpBackgroundFunction(PortableFunction.event(Order.class,
                (event, context) -> {
                    calls.incrementAndGet();
                    throw new PermanentFailure("order " + event.data().id() + " is for a closed account");
                }));
        FakeBackgroundContext context = new FakeBackgroundContext("bg-1", "2021-02-05T04:06:14.109Z",
                "google.pubsub.topic.publish", "\"projects/p/topics/t\"");
        String order = "{\"data\":\"" + Base64.getEncoder().encodeToString("{\"id\":\"o-2\"}".getBytes(
                StandardCharsets.UTF_8)) + "\"}";

        List<LoggedLine> undecodable = entryErrorsOf(() -> acceptIgnoringTheAnswer(background, "not json", context));
        int callsWhenUndecodable = calls.get();
        List<LoggedLine> permanent = entryErrorsOf(() -> acceptIgnoringTheAnswer(background, order, context));

        assertThat(callsWhenUndecodable).isZero();
        assertThat(calls).hasValue(1);
        assertThat(undecodable).singleElement().satisfies(line -> assertThat(line.message())
                .contains("cannot be decoded").doesNotContain("failed permanently"));
        assertThat(permanent).singleElement().satisfies(line -> assertThat(line.message())
                .contains("bg-1").contains("failed permanently").contains("closed account"));
    }

    private static void acceptIgnoringTheAnswer(GcpBackgroundFunction entry, String json, FakeBackgroundContext context) {
        try {
            entry.accept(json, context);
        } catch (Exception answered) {
            // acknowledged or failed: not what these tests prove
        }
    }
}
