package dev.portablefn.examples.learning.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.deployment.Application;
import dev.portablefn.examples.learning.LearningPlatformDeployment;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The host.json the build rendered from the app's declaration ({@code target/azure/host.json}): a timeout that lets
 * the longest function finish, the declared retries of a failed event (the host's retry for the timer, the Service
 * Bus subscription's max delivery count for payments, set by the README's command), a message lock that outlives the
 * longest run, and the concurrency caps.
 */
class HostJsonTest {

    private static final Application DECLARED = LearningPlatformDeployment.application();
    /** The nightly report's, the longest of the platform's functions. */
    private static final Duration LONGEST_FUNCTION = DECLARED.function("nightly-report").timeout();
    private static final int ATTEMPTS = DECLARED.function("payment-subscriber").retries() + 1;

    private static JsonNode host;

    @BeforeAll
    static void readHostJson() throws IOException {
        host = JacksonCodec.standard().readTree(Files.readAllBytes(Path.of("target/azure/host.json")));
    }

    @Test
    void theHostUsesTheExtensionBundleTheFunctionsNeed() {
        assertThat(host.path("version").asText()).isEqualTo("2.0");
        // The bundle brings the Service Bus, Event Grid and timer extensions; azure-functions:package also needs it
        // to write every function.json without installing extensions.
        assertThat(host.at("/extensionBundle/id").asText()).isEqualTo("Microsoft.Azure.Functions.ExtensionBundle");
        assertThat(host.at("/extensionBundle/version").asText()).startsWith("[4.");
    }

    @Test
    void theFunctionTimeoutLetsTheLongestFunctionFinish() {
        assertThat(duration(host.path("functionTimeout").asText())).isEqualTo(LONGEST_FUNCTION);
    }

    @Test
    void aFailedTimerRunIsRetriedWithBackoffUpToTheDeclaredAttempts() {
        assertThat(ATTEMPTS).isEqualTo(DECLARED.function("nightly-report").retries() + 1).isEqualTo(5);
        JsonNode retry = host.get("retry");
        assertThat(retry.path("strategy").asText()).isEqualTo("exponentialBackoff");
        assertThat(retry.path("maxRetryCount").asInt() + 1).isEqualTo(ATTEMPTS);
        assertThat(duration(retry.path("minimumInterval").asText())).isEqualTo(Duration.ofSeconds(10));
        assertThat(duration(retry.path("maximumInterval").asText())).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aFailedPaymentMessageGoesBackToItsSubscriptionWhichDeadLettersAfterTheDeclaredDeliveries() throws IOException {
        JsonNode serviceBus = host.at("/extensions/serviceBus");
        // A throwing function abandons the message, so each failure counts towards the subscription's max delivery
        // count, which host.json cannot set: the README's subscription command does.
        assertThat(serviceBus.path("autoCompleteMessages").asBoolean()).isTrue();
        assertThat(duration(serviceBus.path("maxAutoLockRenewalDuration").asText()))
                .isGreaterThanOrEqualTo(LONGEST_FUNCTION);
        String readme = Files.readString(Path.of("../README.md"));
        Matcher subscription = Pattern.compile("az servicebus topic subscription create [^\n]*--topic-name payments"
                + " --name payment-subscriber[^\n]*--max-delivery-count (\\d+)").matcher(readme.replace("\\\n", " "));
        // The generated class subscribes each topic function under its own name.
        assertThat(subscription.find()).as("the README creates the payment-subscriber subscription").isTrue();
        assertThat(Integer.parseInt(subscription.group(1))).isEqualTo(ATTEMPTS);
    }

    @Test
    void theHostCapsConcurrencyAsTheOtherProvidersDo() {
        assertThat(host.at("/extensions/http/maxConcurrentRequests").asInt())
                .isEqualTo(DECLARED.function("courses").maxConcurrency()).isEqualTo(20);
        assertThat(host.at("/extensions/serviceBus/maxConcurrentCalls").asInt())
                .isEqualTo(DECLARED.function("payment-subscriber").maxConcurrency()).isEqualTo(5);
        assertThat(host.at("/extensions/http/routePrefix").asText()).isEqualTo("api");
    }

    private static Duration duration(String hoursMinutesSeconds) {
        String[] parts = hoursMinutesSeconds.split(":");
        assertThat(parts).as(hoursMinutesSeconds).hasSize(3);
        return Duration.ofHours(Integer.parseInt(parts[0])).plusMinutes(Integer.parseInt(parts[1]))
                .plusSeconds(Integer.parseInt(parts[2]));
    }
}
