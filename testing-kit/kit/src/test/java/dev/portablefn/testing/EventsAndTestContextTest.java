package dev.portablefn.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.event.DocumentChange;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.runtime.internal.FunctionRunner;
import dev.portablefn.runtime.internal.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventsAndTestContextTest {

    record Order(String id, int quantity) {
    }

    @Test
    void queueMessageBindsToTheFunctionsTypeThroughTheRealRunner() {
        List<Order> received = new ArrayList<>();
        FunctionRunner runner = FunctionRunner.of(PortableFunction.event(Order.class,
                (event, context) -> received.add(event.data())));

        Outcome outcome = runner.event(Events.queueMessage(new Order("o-1", 2)), TestContext.create());

        assertThat(outcome.isSuccess()).isTrue();
        assertThat(received).containsExactly(new Order("o-1", 2));
    }

    @Test
    void messageBuildersSetTriggerSourceAndType() {
        Event<byte[]> queue = Events.queueMessage("hello");
        Event<byte[]> topic = Events.topicMessage("hello");

        assertThat(queue.trigger()).isEqualTo(Trigger.QUEUE);
        assertThat(queue.source()).isEqualTo("//localcloud/queues/test-queue");
        assertThat(queue.type()).isEqualTo("dev.portablefn.local.queue.message");
        assertThat(queue.data()).asString().isEqualTo("hello");
        assertThat(queue.deliveryAttempt()).hasValue(1);
        assertThat(topic.trigger()).isEqualTo(Trigger.TOPIC);
        assertThat(topic.id()).isNotEqualTo(queue.id());
    }

    @Test
    void storageScheduleAndDocumentBuildersCarryPortableRecords() {
        Event<StorageObject> created = Events.storageObjectCreated("uploads", "a b.txt");
        Event<StorageObject> deleted = Events.storageObjectDeleted("uploads", "a b.txt");
        Event<DocumentChange<JsonNode>> change = Events.documentChange("orders", "o-1", null,
                Map.of("status", "NEW"), DocumentChange.Kind.CREATED);

        assertThat(created.data().change()).isEqualTo(StorageObject.Change.CREATED);
        assertThat(created.subject()).hasValue("a b.txt");
        assertThat(deleted.type()).isEqualTo("dev.portablefn.local.storage.object.deleted");
        assertThat(Events.scheduleTick("nightly").data().scheduleName()).isEqualTo("nightly");
        assertThat(change.data().after().get("status").asText()).isEqualTo("NEW");
        assertThat(change.data().key()).containsEntry("id", "o-1");
        assertThat(change.trigger()).isEqualTo(Trigger.DATABASE);
    }

    @Test
    void httpBuilderParsesTheQuery() {
        HttpRequest request = Events.http("GET", "/courses/7?lang=en&tag=a&tag=b").header("Accept", "text/plain").build();

        assertThat(request.path()).isEqualTo("/courses/7");
        assertThat(request.query().all("tag")).containsExactly("a", "b");
        assertThat(request.header("accept")).hasValue("text/plain");
    }

    @Test
    void testContextClockAndDeadlineAreControllable() {
        TestContext context = TestContext.builder().timeout(Duration.ofSeconds(10))
                .traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").build();

        assertThat(context.remainingTime()).isEqualTo(Duration.ofSeconds(10));
        context.testClock().advance(Duration.ofSeconds(4));
        assertThat(context.remainingTime()).isEqualTo(Duration.ofSeconds(6));
        context.testClock().advance(Duration.ofSeconds(20));
        assertThat(context.remainingTime()).isZero();
        assertThat(context.traceId()).hasValue("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TestContext.builder().noDeadline().build().deadline()).isEmpty();
        assertThatThrownBy(() -> context.testClock().advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testContextRecordsLogsWithTheInvocationMdc() {
        TestContext context = TestContext.builder().functionName("greeter").requestId("r-9").build();

        context.logger().warn("hello {}", "world", new IllegalStateException("boom"));

        assertThat(context.logs()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo("WARN");
            assertThat(line.message()).isEqualTo("hello world");
            assertThat(line.failure()).hasMessage("boom");
            assertThat(line.mdc()).containsEntry("requestId", "r-9").containsEntry("functionName", "greeter");
        });
    }
}
