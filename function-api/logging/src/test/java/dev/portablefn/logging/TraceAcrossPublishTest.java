package dev.portablefn.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.azure.AzureFunctions;
import dev.portablefn.doubles.azure.FakeExecutionContext;
import dev.portablefn.doubles.azure.FakeHttpRequestMessage;
import dev.portablefn.runtime.internal.outbound.OutboundCalls;
import dev.portablefn.testing.Events;
import dev.portablefn.testing.FunctionTester;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trace id from an HTTP request to the log line of the function subscribed to what it published, on each
 * provider: the request carries the provider's trace header, the HTTP function logs and publishes (the message gets
 * the {@code traceparent} every outbound module adds), the message is delivered in the provider's wire format through
 * the subscriber's adapter entry, and both JSON lines name the same trace.
 */
class TraceAcrossPublishTest {

    private static final Logger LOG = LoggerFactory.getLogger("dev.portablefn.example.Payments");
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    /** A message as it left the function: what every provider's publisher sends, {@code traceparent} included. */
    record Published(String destination, String body, Map<String, String> attributes) {
    }

    private final List<Published> published = new CopyOnWriteArrayList<>();
    private final Publisher recording = (destination, body, attributes) -> {
        published.add(new Published(destination, body, OutboundCalls.withTrace(attributes)));
        return "published-" + published.size();
    };
    private final HttpFunction checkout = (request, context) -> {
        LOG.info("payment accepted");
        recording.publish("payments", "{\"order\":42}", Map.of());
        return HttpResponse.status(202);
    };
    private final EventFunction<String> ledger = (event, context) -> LOG.info("payment recorded");

    @Test
    void awsXRayTraceReachesTheSnsSubscribersLine() {
        try (LogCapture logs = LogCapture.like(Map.of("AWS_LAMBDA_FUNCTION_NAME", "checkout"))) {
            FunctionTester.aws(checkout).http(Events.http("POST", "/checkout")
                    .header("X-Amzn-Trace-Id", "Root=1-4bf92f35-77b34da6a3ce929d0e0e4736;Parent=" + SPAN_ID + ";Sampled=1")
                    .build());
            deliver(Provider.AWS);

            assertSameTrace(logs, "traceId");
        }
    }

    @Test
    void gcpCloudTraceReachesThePubSubSubscribersLineAsTheSameTracePath() {
        try (LogCapture logs = LogCapture.like(Map.of("K_SERVICE", "checkout", "GOOGLE_CLOUD_PROJECT", "shop-prod"))) {
            FunctionTester.gcp(checkout).http(Events.http("POST", "/checkout")
                    .header("X-Cloud-Trace-Context", TRACE_ID + "/" + Long.parseUnsignedLong(SPAN_ID, 16) + ";o=1")
                    .build());
            deliver(Provider.GCP);

            assertSameTrace(logs, "traceId");
            assertThat(logs.line("payment recorded").path("logging.googleapis.com/trace").asText())
                    .isEqualTo("projects/shop-prod/traces/" + TRACE_ID);
        }
    }

    @Test
    void azureTraceparentReachesTheServiceBusSubscribersLineAsTheSameOperation() {
        try (LogCapture logs = LogCapture.like(Map.of("FUNCTIONS_WORKER_RUNTIME", "java"))) {
            AzureFunctions.of(checkout).http(FakeHttpRequestMessage.text("POST", "https://shop.azurewebsites.net/api/checkout",
                            Map.of("traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-01"), ""),
                    FakeExecutionContext.builder().functionName("checkout").invocationId("inv-http")
                            .traceparent("00-" + TRACE_ID + "-" + SPAN_ID + "-01").build());
            deliver(Provider.AZURE);

            assertSameTrace(logs, "traceId");
            assertSameTrace(logs, "operation_Id");
        }
    }

    /** Hands what the HTTP function published to the subscriber, the provider's way. */
    private void deliver(Provider provider) {
        assertThat(published).singleElement().satisfies(message -> {
            assertThat(message.destination()).isEqualTo("payments");
            assertThat(message.attributes()).containsKey("traceparent");
        });
        Published message = published.get(0);
        FunctionTester.forProvider(provider, ledger).topic("payments", Events.message(Trigger.TOPIC, "topics/payments",
                "dev.portablefn.payment", message.body(), message.attributes()));
    }

    private static void assertSameTrace(LogCapture logs, String field) {
        JsonNode publisher = logs.line("payment accepted");
        JsonNode subscriber = logs.line("payment recorded");
        assertThat(publisher.path(field).asText()).isEqualTo(TRACE_ID);
        assertThat(subscriber.path(field).asText()).as("the subscriber's " + field).isEqualTo(TRACE_ID);
    }
}
