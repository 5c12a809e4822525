package dev.portablefn.deployment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.Provider;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Each declaration no provider (or not this one) can honour is refused, the message naming the field. */
class RefusalsTest {

    private final Application declared = SampleApplication.declared();

    private Application changing(String function, UnaryOperator<FunctionSpec> change) {
        return declared.with(change.apply(declared.function(function)));
    }

    private static AbstractThrowableAssert<?, ?> refused(Application app, Provider provider, String field) {
        return assertThatThrownBy(() -> Rendered.files(app, provider))
                .isInstanceOf(DeclarationException.class)
                .hasFieldOrPropertyWithValue("field", field)
                .hasMessageStartingWith(field + ": ");
    }

    @Test
    void aTimeoutAboveLambdasFifteenMinutesIsRefusedForAws() {
        refused(changing("orders", f -> f.withTimeout(Duration.ofMinutes(16))), Provider.AWS, "functions[orders].timeout")
                .hasMessageContaining("16m exceeds Lambda's 15m");
    }

    @Test
    void aTimeoutAboveNineMinutesIsRefusedForAGcpEventFunctionButNotForHttp() {
        refused(changing("billing", f -> f.withTimeout(Duration.ofMinutes(20))), Provider.GCP,
                "functions[billing].timeout").hasMessage("functions[billing].timeout: 20m exceeds GCP's 9m for event functions");
        refused(changing("orders", f -> f.withTimeout(Duration.ofMinutes(61))), Provider.GCP, "functions[orders].timeout")
                .hasMessageContaining("exceeds GCP's 1h for HTTP functions");
    }

    @Test
    void aTimeoutAboveTheConsumptionPlansTenMinutesIsRefusedForAzure() {
        refused(changing("orders", f -> f.withTimeout(Duration.ofMinutes(11))), Provider.AZURE,
                "functions[orders].timeout").hasMessageContaining("11m exceeds Azure's Consumption plan's 10m");
    }

    @Test
    void aTimeoutThatIsNotWholeSecondsIsRefused() {
        refused(changing("orders", f -> f.withTimeout(Duration.ofMillis(1500))), Provider.AWS, "functions[orders].timeout");
    }

    @Test
    void memoryOutsideLambdasRangeOrNotACloudFunctionsSizeIsRefused() {
        refused(changing("orders", f -> f.withMemoryMb(64)), Provider.AWS, "functions[orders].memoryMb")
                .hasMessageContaining("128 to 10,240 MB");
        refused(changing("orders", f -> f.withMemoryMb(768)), Provider.GCP, "functions[orders].memoryMb")
                .hasMessageContaining("not a Cloud Functions memory size");
    }

    @Test
    void aTriggerOnATopicTheApplicationDoesNotDeclareIsRefused() {
        FunctionSpec stray = FunctionSpec.of("stray", SampleApplication.ENTRIES + "refunds", TriggerSpec.topic("paymnts"));
        Application app = Application.builder("shop").topic("payments").function(stray).build();
        refused(app, Provider.AWS, "functions[stray].trigger.topic")
                .hasMessageContaining("'paymnts' is not a topic the application declares [payments]");
    }

    @Test
    void aTriggerOnAnUndeclaredBucketQueueOrScheduleIsRefused() {
        refused(changing("uploads", f -> new FunctionSpec(f.name(), f.entry(), TriggerSpec.bucket("photos"),
                f.memoryMb(), f.timeout(), f.maxConcurrency(), f.retries(), f.deadLetter(), f.publishesTo(), f.reads(),
                f.environment())), Provider.GCP, "functions[uploads].trigger.bucket");
        refused(changing("refunds", f -> new FunctionSpec(f.name(), f.entry(), TriggerSpec.queue("returns"),
                f.memoryMb(), f.timeout(), f.maxConcurrency(), f.retries(), f.deadLetter(), f.publishesTo(), f.reads(),
                f.environment())), Provider.AZURE, "functions[refunds].trigger.queue");
        refused(changing("nightly", f -> new FunctionSpec(f.name(), f.entry(), TriggerSpec.schedule("hourly"),
                f.memoryMb(), f.timeout(), f.maxConcurrency(), f.retries(), f.deadLetter(), f.publishesTo(), f.reads(),
                f.environment())), Provider.AWS, "functions[nightly].trigger.schedule");
    }

    @Test
    void aMissingTriggerIsRefused() {
        Application app = Application.builder("shop")
                .function(FunctionSpec.of("orders", SampleApplication.ENTRIES + "orders", null)).build();
        refused(app, Provider.AWS, "functions[orders].trigger").hasMessageContaining("missing");
    }

    @Test
    void anUnknownHttpMethodOrARouteWithoutAPathIsRefused() {
        Application app = Application.builder("shop").function(FunctionSpec.of("orders",
                SampleApplication.ENTRIES + "orders", TriggerSpec.http("GET /orders", "FETCH /orders"))).build();
        refused(app, Provider.GCP, "functions[orders].trigger.routes[1]").hasMessageContaining("'FETCH' is not an HTTP method");
        Application noPath = Application.builder("shop").function(FunctionSpec.of("orders",
                SampleApplication.ENTRIES + "orders", TriggerSpec.http("GET"))).build();
        refused(noPath, Provider.AWS, "functions[orders].trigger.routes[0]");
    }

    @Test
    void aMissingOrMalformedEntryIsRefused() {
        refused(changing("orders", f -> new FunctionSpec(f.name(), null, f.trigger(), f.memoryMb(), f.timeout(),
                f.maxConcurrency(), f.retries(), f.deadLetter(), f.publishesTo(), f.reads(), f.environment())),
                Provider.AWS, "functions[orders].entry").hasMessageContaining("missing");
        refused(entry("com.example.Missing#orders"), Provider.AWS, "functions[orders].entry")
                .hasMessageContaining("com.example.Missing is not on the class path");
        refused(entry(SampleApplication.ENTRIES + "absent"), Provider.AWS, "functions[orders].entry")
                .hasMessageContaining("has no public method absent()");
        refused(entry(SampleApplication.ENTRIES + "instance"), Provider.AWS, "functions[orders].entry")
                .hasMessageContaining("is not static");
        refused(entry(SampleApplication.ENTRIES + "text"), Provider.AWS, "functions[orders].entry")
                .hasMessageContaining("returns java.lang.String, not an HttpFunction");
        refused(entry(SampleApplication.ENTRIES + "refunds"), Provider.AWS, "functions[orders].entry")
                .hasMessageContaining("an HTTP trigger needs an HttpFunction");
        refused(entry("orders"), Provider.AWS, "functions[orders].entry");
    }

    private Application entry(String entry) {
        return changing("orders", f -> new FunctionSpec(f.name(), entry, f.trigger(), f.memoryMb(), f.timeout(),
                f.maxConcurrency(), f.retries(), f.deadLetter(), f.publishesTo(), f.reads(), f.environment()));
    }

    @Test
    void twoFunctionsOfOneNameAreRefused() {
        Application app = Application.builder("shop")
                .function(FunctionSpec.of("orders", SampleApplication.ENTRIES + "orders", TriggerSpec.http("GET /a")))
                .function(FunctionSpec.of("orders", SampleApplication.ENTRIES + "orders", TriggerSpec.http("GET /b")))
                .build();
        refused(app, Provider.AWS, "functions[orders]").hasMessageContaining("a second function of this name");
    }

    @Test
    void anUndeclaredDeadLetterQueueDestinationOrBucketIsRefused() {
        refused(changing("billing", f -> f.withDeadLetter("lost")), Provider.AWS, "functions[billing].deadLetter");
        refused(changing("orders", f -> f.withPublishing("invoices")), Provider.GCP, "functions[orders].publishesTo");
        refused(changing("uploads", f -> f.withBucket("photos")), Provider.AZURE, "functions[uploads].reads");
    }

    @Test
    void aDeadLetterQueueOnAnHttpFunctionIsRefused() {
        refused(changing("orders", f -> f.withDeadLetter("billing-dlq")), Provider.AWS, "functions[orders].deadLetter")
                .hasMessageContaining("no event to keep");
    }

    @Test
    void retriesOutsideZeroToNinetyNineAreRefused() {
        refused(changing("billing", f -> f.withRetries(100)), Provider.GCP, "functions[billing].retries");
        refused(changing("billing", f -> f.withRetries(-1)), Provider.AWS, "functions[billing].retries");
    }

    @Test
    void aScheduleOutsideUtcIsRefusedForAzureOnly() {
        Application paris = Application.builder("shop").schedule("nightly", "0 2 * * *", "Europe/Paris")
                .function(declared.function("nightly")).build();
        refused(paris, Provider.AZURE, "schedules[nightly].zone").hasMessageContaining("UTC only");
        org.assertj.core.api.Assertions.assertThat(Rendered.files(paris, Provider.AWS)).isNotEmpty();
    }

    @Test
    void aCronThatProvidersReadDifferentlyIsRefused() {
        Application numbered = Application.builder("shop").schedule("nightly", "0 2 * * 1", "UTC")
                .function(declared.function("nightly")).build();
        refused(numbered, Provider.AWS, "schedules[nightly].cron").hasMessageContaining("use names (MON-FRI)");
        Application sixFields = Application.builder("shop").schedule("nightly", "0 0 2 * * *", "UTC")
                .function(declared.function("nightly")).build();
        refused(sixFields, Provider.GCP, "schedules[nightly].cron").hasMessageContaining("not five-field cron");
    }

    @Test
    void aNameAProviderRejectsIsRefused() {
        refused(Application.builder("Shop").function(declared.function("orders")).build(), Provider.AWS, "name");
    }
}
