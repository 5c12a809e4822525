package dev.portablefn.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.event.DocumentChange;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.TestInfo;

/** One test body, three providers: the proof that a function is portable. */
class OnAllProvidersTest {

    /** Answers with what it was asked, from the path, query, header and JSON body. */
    static final class GreetingFunction implements HttpFunction {
        @Override
        public HttpResponse handle(HttpRequest request, Context context) {
            context.logger().info("greeting {}", request.path());
            Greeting greeting = request.bodyAs(Greeting.class);
            return HttpResponse.status(201)
                    .header("X-Greeted-By", context.provider().name())
                    .json(Map.of("path", request.path(), "lang", request.queryParameter("lang").orElse("-"),
                            "tenant", request.header("X-Tenant").orElse("-"), "text", "hello " + greeting.name()));
        }
    }

    record Greeting(String name) {
    }

    record Order(String id, int amount) {
    }

    /** Records each order it accepts; an order of amount 0 fails retryably. */
    static final class OrderFunction implements EventFunction<Order> {
        final List<String> accepted = new CopyOnWriteArrayList<>();

        @Override
        public void handle(Event<Order> event, Context context) {
            context.logger().info("order {}", event.data().id());
            if (event.data().amount() == 0) {
                throw new RetryableException("order " + event.data().id() + " has no amount yet");
            }
            accepted.add(event.data().id());
        }
    }

    @OnAllProviders
    void theSameHttpFunctionAnswersTheSameOnEveryProvider(ProviderTester providers, Provider provider) throws Exception {
        HttpRequest request = Events.http("POST", "/greetings/ada?lang=en").header("X-Tenant", "t-1")
                .header("Content-Type", "application/json").body("{\"name\":\"Ada\"}").build();

        InvocationResult result = providers.tester(new GreetingFunction()).http(request);

        assertThat(result.provider()).isEqualTo(provider);
        assertThat(result.http().status()).isEqualTo(201);
        assertThat(result.http().header("X-Greeted-By")).contains(provider.name());
        assertThat(result.http().contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json(result.http())).containsEntry("path", "/greetings/ada").containsEntry("lang", "en")
                .containsEntry("tenant", "t-1").containsEntry("text", "hello Ada");
        assertThat(result.succeeded()).isTrue();
        assertThat(result.logs()).singleElement().satisfies(line -> {
            assertThat(line.message()).isEqualTo("greeting /greetings/ada");
            assertThat(line.mdc()).containsEntry(Context.MDC_PROVIDER, provider.name()).containsKey(Context.MDC_REQUEST_ID);
        });
    }

    @OnAllProviders
    void theSameQueueFunctionReportsTheSameFailedMessagesOnEveryProvider(ProviderTester providers) {
        OrderFunction function = new OrderFunction();

        InvocationResult result = providers.tester(function).queue(
                "{\"id\":\"o-1\",\"amount\":5}", "{\"id\":\"o-2\",\"amount\":0}", "{\"id\":\"o-3\",\"amount\":7}");

        assertThat(result.failedIds()).containsExactly("message-2");
        assertThat(result.succeeded()).isFalse();
        assertThat(function.accepted).containsExactly("o-1", "o-3");
        assertThat(result.logs()).extracting(CapturedLog::message).containsExactly("order o-1", "order o-2", "order o-3");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse response) throws java.io.IOException {
        return dev.portablefn.runtime.json.JacksonCodec.standard().mapper().readValue(response.body(), Map.class);
    }

    @OnAllProviders
    void displayNamesNameTheProvider(Provider provider, TestInfo info) {
        assertThat(info.getDisplayName()).isEqualTo("[" + provider.name() + "]");
        assertThat(OnAllProvidersExtension.PROVIDERS).contains(provider);
    }

    /** Keeps every event it is given. */
    static final class Recording<T> implements EventFunction<T> {
        final List<Event<T>> seen = new CopyOnWriteArrayList<>();

        @Override
        public void handle(Event<T> event, Context context) {
            seen.add(event);
        }
    }

    @OnAllProviders
    void aTopicMessageArrivesAsATopicEventWithItsDataAndAttributes(ProviderTester providers) {
        Recording<Order> function = new Recording<>();
        Event<byte[]> message = Events.topicMessage("{\"id\":\"o-1\",\"amount\":5}").toBuilder()
                .attribute("tenant", "t-1").build();

        InvocationResult result = providers.tester(PortableFunction.event(Order.class, function)).topic("orders", message);

        assertThat(result.succeeded()).isTrue();
        assertThat(function.seen).singleElement().satisfies(event -> {
            assertThat(event.trigger()).isEqualTo(Trigger.TOPIC);
            assertThat(event.id()).isEqualTo(message.id());
            assertThat(event.data()).isEqualTo(new Order("o-1", 5));
            assertThat(event.attribute("tenant")).contains("t-1");
        });
    }

    @OnAllProviders
    void aBucketChangeArrivesAsAStorageEventNamingTheObject(ProviderTester providers) {
        Recording<StorageObject> function = new Recording<>();

        InvocationResult result = providers.tester(PortableFunction.event(StorageObject.class, function))
                .storage(Events.storageObjectCreated("uploads", "lessons/intro.mp4"));

        assertThat(result.succeeded()).isTrue();
        assertThat(function.seen).singleElement().satisfies(event -> {
            assertThat(event.trigger()).isEqualTo(Trigger.STORAGE);
            assertThat(event.data().bucket()).isEqualTo("uploads");
            assertThat(event.data().key()).isEqualTo("lessons/intro.mp4");
            assertThat(event.data().change()).isEqualTo(StorageObject.Change.CREATED);
        });
    }

    @OnAllProviders
    void aScheduleTickArrivesAsAScheduleEventAtItsScheduledTime(ProviderTester providers) {
        Recording<ScheduleTick> function = new Recording<>();
        Instant at = Instant.parse("2026-12-03T02:00:00Z");

        InvocationResult result = providers.tester(PortableFunction.event(ScheduleTick.class, function))
                .schedule(Events.scheduleTick("nightly", at));

        assertThat(result.succeeded()).isTrue();
        assertThat(function.seen).singleElement().satisfies(event -> {
            assertThat(event.trigger()).isEqualTo(Trigger.SCHEDULE);
            assertThat(event.data().scheduledTime()).isEqualTo(at);
        });
    }

    @OnAllProviders
    void streamRecordsArriveInPartitionOrder(ProviderTester providers) {
        OrderFunction function = new OrderFunction();
        List<Event<byte[]>> records = List.of(
                Events.queueMessage("{\"id\":\"o-1\",\"amount\":5}").toBuilder().id("1001").build(),
                Events.queueMessage("{\"id\":\"o-2\",\"amount\":7}").toBuilder().id("1002").build());

        InvocationResult result = providers.tester(function).stream("orders", records);

        assertThat(result.succeeded()).isTrue();
        assertThat(function.accepted).containsExactly("o-1", "o-2");
    }

    @OnAllProviders
    @SuppressWarnings({"rawtypes", "unchecked"})
    void databaseChangesArriveInOrderAsDocumentChangesOfTheCollection(ProviderTester providers) {
        Recording<DocumentChange> function = new Recording<>();
        List<Event<DocumentChange<JsonNode>>> changes = List.of(
                Events.documentChange("courses", "c-1", null, Map.of("title", "Intro", "seats", 40),
                        DocumentChange.Kind.CREATED),
                Events.documentChange("courses", "c-2", null, Map.of("title", "Advanced", "seats", 12),
                        DocumentChange.Kind.CREATED));

        InvocationResult result = providers.tester(PortableFunction.event(DocumentChange.class, function))
                .databaseChange("courses", changes);

        assertThat(result.succeeded()).isTrue();
        assertThat(function.seen).hasSize(2).allSatisfy(event -> {
            assertThat(event.trigger()).isEqualTo(Trigger.DATABASE);
            assertThat(event.data().collection()).isEqualTo("courses");
        });
        assertThat(function.seen).extracting(event -> event.data().key().get("id")).containsExactly("c-1", "c-2");
        assertThat(function.seen).extracting(event -> ((JsonNode) event.data().after()).get("title").asText())
                .containsExactly("Intro", "Advanced");
        // the change feed of Cosmos DB tells no creation from an update
        assertThat(function.seen).extracting(event -> event.data().kind()).containsOnly(
                providers.provider() == Provider.AZURE ? DocumentChange.Kind.UPSERTED : DocumentChange.Kind.CREATED);
    }
}
