package dev.portablefn.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Provider;
import org.junit.jupiter.api.Test;

/** host.json read back as JSON, and the annotated class's bindings. */
class AzureAppTest {

    private final Application app = SampleApplication.declared();
    private final JsonNode host = Rendered.hostJson(app);
    private final String source = Rendered.files(app, Provider.AZURE)
            .get(Render.GENERATED_SOURCES + "/com/example/entries/ShopFunctions.java");

    @Test
    void theHostTakesTheLongestTimeoutTheMostRetriesAndTheLargestCapOfEachTrigger() {
        assertThat(host.get("functionTimeout").asText()).isEqualTo("00:05:00");
        assertThat(host.at("/retry/maxRetryCount").asInt()).isEqualTo(4);
        assertThat(host.at("/retry/strategy").asText()).isEqualTo("exponentialBackoff");
        assertThat(host.at("/extensions/http/maxConcurrentRequests").asInt()).isEqualTo(20);
        assertThat(host.at("/extensions/http/routePrefix").asText()).isEqualTo("api");
        assertThat(host.at("/extensions/serviceBus/maxConcurrentCalls").asInt()).isEqualTo(5);
        assertThat(host.at("/extensions/serviceBus/maxAutoLockRenewalDuration").asText()).isEqualTo("00:05:00");
        assertThat(host.at("/extensions/serviceBus/clientRetryOptions/mode").asText()).isEqualTo("exponential");
        assertThat(host.at("/extensionBundle/id").asText()).isEqualTo("Microsoft.Azure.Functions.ExtensionBundle");
    }

    @Test
    void everyFunctionIsAnAnnotatedMethodBoundToItsTrigger() {
        assertThat(source).contains("public final class ShopFunctions {")
                .contains("@FunctionName(\"orders\")", "methods = {HttpMethod.GET, HttpMethod.POST}",
                        "route = \"orders/{*path}\"", "ORDERS.http(request, context)")
                .contains("@ServiceBusTopicTrigger(name = \"message\", topicName = \"billing\",\n"
                        + "            subscriptionName = \"billing\", connection = \"ServiceBusConnection\")")
                .contains("@ServiceBusQueueTrigger(name = \"message\", queueName = \"refunds\"")
                .contains("@EventGridTrigger(name = \"event\")", "UPLOADS.eventGrid(event, context)")
                .contains("@TimerTrigger(name = \"timerInfo\", schedule = \"0 0 2 * * *\")")
                .contains("AzureFunctions.of(" + SampleFunctions.class.getName() + ".nightly())");
    }

    @Test
    void anHttpFunctionWithOnePathIsRoutedOnItAndSeveralOnTheirCommonPrefix() {
        assertThat(AzureApp.route((TriggerSpec.Http) TriggerSpec.http("GET /reports/{date}"))).isEqualTo("reports/{date}");
        assertThat(AzureApp.route((TriggerSpec.Http) TriggerSpec.http("POST /users", "GET /users/{id}")))
                .isEqualTo("users/{*path}");
        assertThat(AzureApp.route((TriggerSpec.Http) TriggerSpec.http("GET /a", "GET /b"))).isEqualTo("{*path}");
    }
}
