package dev.portablefn.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsServer;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.RetryableException;
import dev.portablefn.azure.AzureFunctions;
import dev.portablefn.doubles.azure.FakeExecutionContext;
import dev.portablefn.runtime.internal.outbound.CurrentInvocation;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link AzurePublisher} to Event Grid. There is no Event Grid emulator, so the topic is a loopback JDK
 * {@link HttpsServer} on a free port (HTTPS, with a certificate of the test's own: the SDK sends a key over HTTPS
 * only) that checks the SDK's real request (the {@code /api/events} path, the
 * {@code aeg-sas-key} header, a CloudEvents batch carrying {@code traceparent}) and answers as Event Grid documents:
 * 200 on success, 401, 404, 429 or 500 to prove the classification, or not at all to prove the deadline.
 */
class EventGridPublishTest {

    private static final String KEY = "test-topic-key-not-a-secret";
    private static final String PUBLISHER_TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private record Received(String path, String key, String contentType, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile boolean hold;
    private HttpsServer server;
    private AzurePublisher publisher;

    private static LoopbackTls tls;

    @BeforeAll
    static void makeCertificate() throws Exception {
        tls = LoopbackTls.create();
    }

    @BeforeEach
    void startTopic() throws IOException {
        server = tls.server();
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/events", this::answer);
        server.start();
        String endpoint = "https://127.0.0.1:" + server.getAddress().getPort() + "/api/events";
        Map<String, String> settings = Map.of(
                "PORTABLEFN_DESTINATION_ORDERS", "eventgrid:" + endpoint,
                "PORTABLEFN_EVENTGRID_KEY_SETTING", "OrdersTopicKey",
                "OrdersTopicKey", KEY);
        publisher = new AzurePublisher(new AzureSettings(settings::get, tls.client()));
    }

    @AfterEach
    void stopTopic() {
        release.countDown();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("aeg-sas-key"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        if (hold) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] answer = status == 200 ? new byte[0]
                : ("{\"error\":{\"code\":\"Status" + status + "\",\"message\":\"answered " + status + "\"}}")
                        .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    /** Publishes from inside an Azure function invoked with the publisher's trace; gives the event id. */
    private String publishFromAFunction(String body, Map<String, String> attributes) {
        List<String> ids = new ArrayList<>();
        AzureFunctions.of(PortableFunction.event(String.class,
                (EventFunction<String>) (event, context) -> ids.add(publisher.publish("orders", body, attributes))))
                .queue("trigger", "t-1", 1, null, FakeExecutionContext.builder().functionName("checkout")
                        .traceparent(PUBLISHER_TRACEPARENT).build());
        return ids.get(0);
    }

    @Test
    void sendsACloudEventWithTheKeyAndTraceparentExtension() throws IOException {
        String id = publishFromAFunction("{\"orderId\":\"42\"}", Map.of("tenant", "contoso"));

        assertThat(received).hasSize(1);
        Received request = received.get(0);
        assertThat(request.path()).isEqualTo("/api/events");
        assertThat(request.key()).isEqualTo(KEY);
        assertThat(request.contentType()).startsWith("application/cloudevents-batch+json");
        JsonNode event = JacksonCodec.standard().mapper().readTree(request.body()).get(0);
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("id").asText()).isEqualTo(id);
        assertThat(event.get("type").asText()).isEqualTo(EventGridChannel.TYPE);
        assertThat(event.get("source").asText()).isEqualTo("/portablefn/checkout");
        assertThat(event.get("traceparent").asText()).isEqualTo(PUBLISHER_TRACEPARENT);
        assertThat(event.get("tenant").asText()).isEqualTo("contoso");
        assertThat(event.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(event.get("data").get("orderId").asText()).isEqualTo("42");
    }

    @Test
    void subscriberSeesTheDataAttributesAndTraceThatWereSent() {
        publishFromAFunction("{\"orderId\":\"42\"}", Map.of("tenant", "contoso"));
        String delivered = received.get(0).body();   // Event Grid delivers the batch to an Azure Function as it was sent

        List<Event<JsonNode>> events = new ArrayList<>();
        List<Context> contexts = new ArrayList<>();
        AzureFunctions.of(PortableFunction.event(JsonNode.class, (EventFunction<JsonNode>) (event, context) -> {
            events.add(event);
            contexts.add(context);
        })).eventGrid(delivered, FakeExecutionContext.builder().functionName("fulfil")
                .traceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").build());

        assertThat(events.get(0).data().get("orderId").asText()).isEqualTo("42");
        assertThat(events.get(0).attributes()).containsEntry("tenant", "contoso");
        assertThat(contexts.get(0).traceId()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void textThatIsNotJsonTravelsAsAJsonString() throws IOException {
        publisher.publish("orders", "hello, world", Map.of());

        JsonNode event = JacksonCodec.standard().mapper().readTree(received.get(0).body()).get(0);
        assertThat(event.get("data").isTextual()).isTrue();
        assertThat(event.get("data").asText()).isEqualTo("hello, world");
        assertThat(event.get("datacontenttype").asText()).startsWith("text/plain");
    }

    @Test
    void deduplicationIdBecomesTheEventId() throws IOException {
        String id = publisher.publish("orders", "{}", Map.of("messageDeduplicationId", "order-42-placed"));

        assertThat(id).isEqualTo("order-42-placed");
        assertThat(JacksonCodec.standard().mapper().readTree(received.get(0).body()).get(0).get("id").asText())
                .isEqualTo("order-42-placed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tenant", "tenant-id", "messageGroupId", "source", "averyveryverylongname1"})
    void attributesACloudEventCannotCarryAreRefusedBeforeTheCall(String name) {
        assertThatThrownBy(() -> publisher.publish("orders", "{}", Map.of(name, "x")))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("'orders'");
        assertThat(received).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404, 400})
    void refusalsArePermanentAndNameTheDestinationButNotTheKey(int answer) {
        status = answer;

        assertThatThrownBy(() -> publisher.publish("orders", "{}", Map.of()))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("'orders'")
                .hasMessageContaining("HTTP " + answer).hasMessageNotContaining(KEY).hasNoCause();
        assertThat(received).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 503})
    void throttlingAndServerErrorsAreRetryableAfterTheSdksOwnRetries(int answer) {
        status = answer;

        assertThatThrownBy(() -> publisher.publish("orders", "{}", Map.of()))
                .isInstanceOf(RetryableException.class).hasMessageContaining("'orders'")
                .hasMessageContaining("HTTP " + answer).hasMessageNotContaining(KEY);
        assertThat(received).hasSize(3);
    }

    @Test
    void aTopicThatDoesNotAnswerWithinTheInvocationsTimeIsRetryable() {
        hold = true;
        Instant deadline = Instant.now().plusMillis(600);
        Context outer = CurrentInvocation.onThisThread().enter(Context.builder().requestId("r-1").functionName("checkout")
                .provider(Provider.AZURE)
                .deadline(deadline).build());
        try {
            assertThatThrownBy(() -> publisher.publish("orders", "{}", Map.of()))
                    .isInstanceOf(RetryableException.class).hasMessageContaining("'orders'")
                    .hasMessageContaining("timed out");
        } finally {
            CurrentInvocation.onThisThread().exit(outer);
        }
        assertThat(Instant.now()).isBefore(deadline.plus(Duration.ofSeconds(2)));
    }
}
