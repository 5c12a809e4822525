package dev.portablefn.examples.learning.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.deployment.Application;
import dev.portablefn.deployment.FunctionSpec;
import dev.portablefn.deployment.Render;
import dev.portablefn.deployment.TriggerSpec;
import dev.portablefn.examples.learning.LearningPlatform;
import dev.portablefn.examples.learning.LearningPlatformDeployment;
import dev.portablefn.examples.learning.TestContexts;
import dev.portablefn.runtime.internal.FunctionRunner;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's one declaration against its code: every provider accepts it, every declared HTTP route is served by
 * its function, the logical topic, bucket and schedule are the ones the code uses, the Azure app settings map what
 * the declared functions publish to and read, and each cloud package carries its own provider's outbound module only.
 * What each provider's rendered output holds is checked in the cloud modules, on the files their build rendered.
 */
class LearningPlatformDeploymentTest {

    private static final Path PLATFORM = Path.of("..").toAbsolutePath().normalize();
    private final Application declared = LearningPlatformDeployment.application();

    @Test
    void everyProviderAcceptsTheDeclaration(@TempDir Path target) throws IOException {
        for (Provider provider : List.of(Provider.AWS, Provider.GCP, Provider.AZURE)) {
            assertThat(Render.to(declared, provider, target.resolve(provider.name()), "com.example", "app.jar"))
                    .as(provider.name()).isNotEmpty();
        }
    }

    @Test
    void theDeclarationUsesTheTopicBucketAndScheduleTheCodeUses() {
        assertThat(declared.topics()).containsExactly(LearningPlatform.PAYMENTS_TOPIC);
        assertThat(declared.buckets()).containsExactly(LearningPlatform.LESSONS_BUCKET);
        assertThat(declared.schedules()).singleElement()
                .satisfies(schedule -> assertThat(schedule.name()).isEqualTo(LearningPlatform.NIGHTLY_SCHEDULE));
        assertThat(declared.function("payment-publisher").publishesTo()).containsExactly(LearningPlatform.PAYMENTS_TOPIC);
        assertThat(declared.function("lesson-uploads").reads()).containsExactly(LearningPlatform.LESSONS_BUCKET);
    }

    @Test
    void everyDeclaredHttpRouteIsServedByItsFunction() throws Exception {
        LearningPlatform platform = LearningPlatform.inMemory(unusedPublisher(), BlobStore.registered());
        Map<String, HttpFunction> functions = Map.of("courses", platform.coursesApi(), "users", platform.usersApi(),
                "payment-publisher", platform.paymentPublisher(), "reports", platform.reportsApi());
        int routes = 0;
        for (FunctionSpec function : declared.functions()) {
            if (!(function.trigger() instanceof TriggerSpec.Http http)) {
                continue;
            }
            FunctionRunner runner = FunctionRunner.of(PortableFunction.of(functions.get(function.name())));
            for (String route : http.routes()) {
                String method = route.substring(0, route.indexOf(' '));
                String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "2026-01-01");
                HttpResponse response = runner.http(HttpRequest.builder(method, path)
                        .header("Content-Type", "application/json").body("{}").build(), TestContexts.at(function.name()));
                assertThat(response.bodyAsString()).as(route + " on " + function.name())
                        .doesNotContain("no route for").doesNotContain("is not allowed on");
                routes++;
            }
        }
        assertThat(routes).isEqualTo(7);
    }

    @Test
    void azureAppSettingsMapEveryLogicalNameTheDeclaredFunctionsUse() throws IOException {
        String pom = Files.readString(PLATFORM.resolve("azure/pom.xml"));
        Map<String, String> settings = new HashMap<>();
        Matcher property = Pattern.compile("<property>\\s*<name>([^<]+)</name>\\s*<value>([^<]+)</value>").matcher(pom);
        while (property.find()) {
            settings.put(property.group(1), property.group(2));
        }
        for (FunctionSpec function : declared.functions()) {
            function.publishesTo().forEach(topic -> assertThat(settings)
                    .containsEntry(LogicalNames.settingFor(LogicalNames.DESTINATION_PREFIX, topic), "servicebus:" + topic));
            function.reads().forEach(bucket -> assertThat(settings)
                    .containsEntry(LogicalNames.settingFor(LogicalNames.BUCKET_PREFIX, bucket), bucket));
        }
        assertThat(settings).containsKeys("PORTABLEFN_SERVICEBUS_NAMESPACE", "PORTABLEFN_STORAGE_ACCOUNT",
                "ServiceBusConnection__fullyQualifiedNamespace");
        // Azure app settings are the whole app's, so the declaration's app-wide settings must all be there
        declared.environment().forEach((name, value) -> assertThat(settings).containsEntry(name, value));
    }

    @Test
    void eachProviderPackageCarriesItsOwnOutboundModuleAndTheAppNone() throws IOException {
        Map<String, List<String>> expected = Map.of("app", List.of(), "aws", List.of("portablefn-aws-sdk"),
                "gcp", List.of("portablefn-gcp-sdk"), "azure", List.of("portablefn-azure-sdk"));
        for (var module : expected.entrySet()) {
            String pom = Files.readString(PLATFORM.resolve(module.getKey()).resolve("pom.xml"));
            String dependencies = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"));
            List<String> outbound = new ArrayList<>();
            Matcher artifact = Pattern.compile("<artifactId>(portablefn-[\\w-]+-sdk)</artifactId>").matcher(dependencies);
            while (artifact.find()) {
                outbound.add(artifact.group(1));
            }
            assertThat(outbound).as(module.getKey() + "/pom.xml").isEqualTo(module.getValue());
        }
    }

    private static Publisher unusedPublisher() {
        return (destination, body, attributes) -> {
            throw new AssertionError("route check published to " + destination);
        };
    }
}
