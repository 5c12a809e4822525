package dev.portablefn.examples.learning.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads the Functions app azure-functions-maven-plugin staged in the package phase: one function.json per function,
 * bound as the platform's triggers need (from the rendered LearningPlatformFunctions), and the rendered host.json.
 */
class FunctionJsonIT {

    private static final Path STAGING = Path.of(System.getProperty("functions.staging",
            "target/azure-functions/portablefn-learning-platform"));

    private static JsonNode read(Path file) throws IOException {
        assertThat(file).as("staged by azure-functions:package").exists();
        return JacksonCodec.standard().readTree(Files.readAllBytes(file));
    }

    /** @return the one trigger binding (direction in) of the function */
    private static JsonNode trigger(String function) throws IOException {
        JsonNode json = read(STAGING.resolve(function).resolve("function.json"));
        List<JsonNode> in = new ArrayList<>();
        json.get("bindings").forEach(binding -> {
            if (binding.get("direction").asText().equals("in")) {
                in.add(binding);
            }
        });
        assertThat(in).as(function + " input bindings").hasSize(1);
        return in.get(0);
    }

    @Test
    void everyFunctionIsStagedWithItsEntryPointAndNothingElse() throws IOException {
        List<String> staged;
        try (Stream<Path> files = Files.list(STAGING)) {
            staged = files.filter(dir -> Files.isRegularFile(dir.resolve("function.json")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
        }
        assertThat(staged).containsExactly("courses", "lesson-uploads", "nightly-report", "payment-publisher",
                "payment-subscriber", "reports", "users");
        for (String function : staged) {
            String entryPoint = read(STAGING.resolve(function).resolve("function.json")).get("entryPoint").asText();
            assertThat(entryPoint).startsWith(LearningPlatformFunctions.class.getName() + ".");
            String method = entryPoint.substring(entryPoint.lastIndexOf('.') + 1);
            assertThat(LearningPlatformFunctions.class.getMethods()).as(entryPoint)
                    .anySatisfy(m -> assertThat(m.getName()).isEqualTo(method));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "courses,           request,   httpTrigger",
        "users,             request,   httpTrigger",
        "payment-publisher, request,   httpTrigger",
        "reports,           request,   httpTrigger",
        "payment-subscriber, message,  serviceBusTrigger",
        "lesson-uploads,    event,     eventGridTrigger",
        "nightly-report,    timerInfo, timerTrigger",
    })
    void everyFunctionHasItsTrigger(String function, String name, String type) throws IOException {
        JsonNode trigger = trigger(function);

        assertThat(trigger.get("name").asText()).isEqualTo(name);
        assertThat(trigger.get("type").asText()).isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource({
        "courses,           courses/{*path}, GET POST",
        "users,             users/{*path},   GET POST",
        "payment-publisher, payments,        POST",
        "reports,           reports/{date},  GET",
    })
    void httpFunctionsAnswerAnonymouslyOnTheirRoutesWithABinaryBodyAndAnHttpResponse(String function, String route,
                                                                                      String methods) throws IOException {
        JsonNode trigger = trigger(function);
        assertThat(trigger.get("route").asText()).isEqualTo(route);
        assertThat(trigger.get("authLevel").asText()).isEqualToIgnoringCase("anonymous");
        assertThat(trigger.get("dataType").asText()).isEqualTo("binary");
        List<String> declared = new ArrayList<>();
        trigger.get("methods").forEach(method -> declared.add(method.asText().toUpperCase()));
        assertThat(declared).containsExactlyInAnyOrder(methods.split(" "));

        JsonNode bindings = read(STAGING.resolve(function).resolve("function.json")).get("bindings");
        assertThat(bindings).hasSize(2).anySatisfy(out -> {
            assertThat(out.get("type").asText()).isEqualTo("http");
            assertThat(out.get("direction").asText()).isEqualTo("out");
            assertThat(out.get("name").asText()).isEqualTo("$return");
        });
    }

    @Test
    void eventFunctionsAreBoundToThePlatformsTopicSubscriptionAndSchedule() throws IOException {
        JsonNode payments = trigger("payment-subscriber");
        assertThat(payments.get("topicName").asText()).isEqualTo("payments");
        assertThat(payments.get("subscriptionName").asText()).isEqualTo("payment-subscriber");
        assertThat(payments.get("connection").asText()).isEqualTo("ServiceBusConnection");

        assertThat(trigger("nightly-report").get("schedule").asText()).isEqualTo("0 0 2 * * *");
        // Event Grid pushes to the function: the event subscription, not the binding, names the container.
        assertThat(trigger("lesson-uploads").has("connection")).isFalse();
    }

    @Test
    void theStagedHostJsonIsTheRenderedOne() throws IOException {
        assertThat(read(STAGING.resolve("host.json"))).isEqualTo(read(Path.of("target/azure/host.json")));
    }
}
