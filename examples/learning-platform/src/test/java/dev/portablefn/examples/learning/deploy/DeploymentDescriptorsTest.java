package dev.portablefn.examples.learning.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.microsoft.azure.functions.annotation.EventGridTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.ServiceBusTopicTrigger;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.examples.learning.LearningPlatform;
import dev.portablefn.examples.learning.TestContexts;
import dev.portablefn.examples.learning.azure.LearningPlatformFunctions;
import dev.portablefn.gcp.GcpCloudEventFunction;
import dev.portablefn.gcp.GcpHttpFunction;
import dev.portablefn.runtime.internal.FunctionRunner;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the three providers' descriptors against the code and each other: every handler or entry
 * point exists and is the right type, every HTTP route is served, the topic, bucket and schedule
 * names are the platform's, and memory, timeout and concurrency agree between AWS and GCP.
 */
class DeploymentDescriptorsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Set<String> FUNCTIONS = Set.of("courses", "users", "payment-publisher", "reports",
            "payment-subscriber", "lesson-uploads", "nightly-report");
    private static final Set<String> HTTP_FUNCTIONS = Set.of("courses", "users", "payment-publisher", "reports");

    private static JsonNode sam;
    private static Map<String, JsonNode> samFunctions;
    private static String gcpScript;

    @BeforeAll
    static void load() throws IOException {
        sam = new ObjectMapper(new YAMLFactory()).readTree(MODULE.resolve("template.yaml").toFile());
        samFunctions = new TreeMap<>();
        for (Map.Entry<String, JsonNode> resource : sam.get("Resources").properties()) {
            if (resource.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
                JsonNode properties = resource.getValue().get("Properties");
                samFunctions.put(properties.get("FunctionName").asText(), properties);
            }
        }
        gcpScript = Files.readString(MODULE.resolve("deploy-gcp.sh"));
    }

    @Test
    void samDeclaresEveryFunctionWithMemoryTimeoutAndReservedConcurrency() {
        assertThat(samFunctions.keySet()).isEqualTo(new java.util.TreeSet<>(FUNCTIONS));
        samFunctions.forEach((name, properties) -> {
            assertThat(properties.path("MemorySize").asInt()).as(name + " MemorySize").isBetween(128, 10_240);
            assertThat(properties.path("Timeout").asInt()).as(name + " Timeout").isBetween(1, 900);
            assertThat(properties.path("ReservedConcurrentExecutions").asInt()).as(name + " reserved concurrency").isPositive();
        });
    }

    @Test
    void samHandlersAreLambdaHandlerSubclassesThatConstruct() throws Exception {
        for (var entry : samFunctions.entrySet()) {
            String handler = entry.getValue().get("Handler").asText();
            assertThat(handler).as(entry.getKey()).endsWith("::handleRequest");
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertThat(LambdaHandler.class).as(handler).isAssignableFrom(type);
            assertThat(type.getConstructor().newInstance()).isInstanceOf(LambdaHandler.class);
        }
    }

    @Test
    void samWiresTheTopicBucketAndScheduleThePlatformUses() {
        JsonNode resources = sam.get("Resources");
        assertThat(resources.at("/PaymentsTopic/Properties/TopicName").asText()).isEqualTo(LearningPlatform.PAYMENTS_TOPIC);
        assertThat(resources.at("/LessonFilesBucket/Properties/BucketName").asText()).isEqualTo(LearningPlatform.LESSONS_BUCKET);
        JsonNode subscriber = samFunctions.get("payment-subscriber").at("/Events/PaymentCompleted");
        assertThat(subscriber.path("Type").asText()).isEqualTo("SNS");
        assertThat(subscriber.at("/Properties/Topic").asText()).isEqualTo("PaymentsTopic");
        JsonNode uploads = samFunctions.get("lesson-uploads").at("/Events/LessonFileChanged");
        assertThat(uploads.path("Type").asText()).isEqualTo("S3");
        assertThat(uploads.at("/Properties/Bucket").asText()).isEqualTo("LessonFilesBucket");
        JsonNode nightly = samFunctions.get("nightly-report").at("/Events/Nightly");
        assertThat(nightly.at("/Properties/Name").asText()).isEqualTo(LearningPlatform.NIGHTLY_SCHEDULE);
        assertThat(nightly.at("/Properties/ScheduleExpression").asText()).isEqualTo("cron(0 2 * * ? *)");
        assertThat(samFunctions.get("payment-publisher").at("/Environment/Variables/PAYMENTS_TOPIC_ARN").asText())
                .isEqualTo("PaymentsTopic");
    }

    @Test
    void everySamHttpRouteIsServedByItsFunction() throws Exception {
        LearningPlatform platform = LearningPlatform.inMemory(unusedPublisher(), BlobStore.registered());
        Map<String, HttpFunction> functions = Map.of("courses", platform.coursesApi(), "users", platform.usersApi(),
                "payment-publisher", platform.paymentPublisher(), "reports", platform.reportsApi());
        int routes = 0;
        for (String name : HTTP_FUNCTIONS) {
            FunctionRunner runner = FunctionRunner.of(PortableFunction.of(functions.get(name)));
            for (JsonNode event : samFunctions.get(name).get("Events")) {
                assertThat(event.path("Type").asText()).isEqualTo("HttpApi");
                String method = event.at("/Properties/Method").asText();
                String path = event.at("/Properties/Path").asText().replaceAll("\\{[^}]+}", "2026-01-01");
                HttpResponse response = runner.http(HttpRequest.builder(method, path)
                        .header("Content-Type", "application/json").body("{}").build(), TestContexts.at(name));
                assertThat(response.bodyAsString()).as(method + " " + path + " on " + name)
                        .doesNotContain("no route for").doesNotContain("is not allowed on");
                routes++;
            }
        }
        assertThat(routes).isEqualTo(7);
    }

    @Test
    void gcpDeploysEveryFunctionWithAnEntryPointOfTheRightType() throws Exception {
        Map<String, String> entryPoints = gcpEntryPoints();
        assertThat(entryPoints.keySet()).containsAll(FUNCTIONS);
        for (var entry : entryPoints.entrySet()) {
            Class<?> type = Class.forName(entry.getValue());
            Class<?> expected = HTTP_FUNCTIONS.contains(entry.getKey()) ? GcpHttpFunction.class : GcpCloudEventFunction.class;
            assertThat(expected).as(entry.getKey() + " entry point " + type.getName()).isAssignableFrom(type);
            assertThat(type.getConstructor().newInstance()).isInstanceOf(expected);
        }
    }

    @Test
    void gcpUsesTheSameTopicBucketScheduleAndTriggers() {
        assertThat(gcpScript).contains("PAYMENTS_TOPIC=" + LearningPlatform.PAYMENTS_TOPIC + "\n")
                .contains("LESSONS_BUCKET=" + LearningPlatform.LESSONS_BUCKET + "\n")
                .contains("NIGHTLY_SCHEDULE=" + LearningPlatform.NIGHTLY_SCHEDULE + "\n")
                .contains("--trigger-topic=\"$PAYMENTS_TOPIC\"")
                .contains("--trigger-event-filters=\"bucket=$LESSONS_BUCKET\"")
                .contains("type=google.cloud.storage.object.v1.finalized")
                .contains("type=google.cloud.storage.object.v1.deleted")
                .contains("--schedule=\"0 2 * * *\" --time-zone=UTC --topic=\"$NIGHTLY_SCHEDULE\"");
        assertThat(gcpScript.lines().filter(l -> l.startsWith("deploy_http ")).map(l -> l.split(" ")[1]))
                .containsExactlyInAnyOrderElementsOf(HTTP_FUNCTIONS);
    }

    @Test
    void gcpMemoryTimeoutAndMaxInstancesMatchSam() {
        Map<String, Settings> gcp = gcpSettings();
        for (String name : FUNCTIONS) {
            JsonNode aws = samFunctions.get(name);
            assertThat(gcp.get(name)).as(name).isEqualTo(new Settings(aws.get("MemorySize").asInt(),
                    aws.get("Timeout").asInt(), aws.get("ReservedConcurrentExecutions").asInt()));
        }
    }

    @Test
    void azureDeclaresEveryFunctionWithTheSameTriggersAndNames() {
        Map<String, Method> methods = Arrays.stream(LearningPlatformFunctions.class.getMethods())
                .filter(m -> m.isAnnotationPresent(FunctionName.class))
                .collect(Collectors.toMap(m -> m.getAnnotation(FunctionName.class).value(), m -> m));
        assertThat(methods.keySet()).isEqualTo(FUNCTIONS);
        for (String name : HTTP_FUNCTIONS) {
            assertThat(trigger(methods.get(name), HttpTrigger.class)).as(name).isNotNull();
        }
        ServiceBusTopicTrigger payments = trigger(methods.get("payment-subscriber"), ServiceBusTopicTrigger.class);
        assertThat(payments.topicName()).isEqualTo(LearningPlatform.PAYMENTS_TOPIC);
        assertThat(trigger(methods.get("lesson-uploads"), EventGridTrigger.class)).isNotNull();
        assertThat(trigger(methods.get("nightly-report"), TimerTrigger.class).schedule()).isEqualTo("0 0 2 * * *");
    }

    @Test
    void hostJsonHasTheExtensionBundleAndATimeoutCoveringTheLongestFunction() throws IOException {
        JsonNode host = new ObjectMapper().readTree(MODULE.resolve("host.json").toFile());
        assertThat(host.path("version").asText()).isEqualTo("2.0");
        assertThat(host.at("/extensionBundle/id").asText()).isEqualTo("Microsoft.Azure.Functions.ExtensionBundle");
        assertThat(host.at("/extensionBundle/version").asText()).isNotBlank();
        Duration timeout = Duration.parse("PT" + host.path("functionTimeout").asText()
                .replaceFirst("(\\d+):(\\d+):(\\d+)", "$1H$2M$3S"));
        int longest = samFunctions.values().stream().mapToInt(f -> f.get("Timeout").asInt()).max().orElseThrow();
        assertThat(timeout).isGreaterThanOrEqualTo(Duration.ofSeconds(longest));
    }

    private static <A extends Annotation> A trigger(Method method, Class<A> type) {
        for (Parameter parameter : method.getParameters()) {
            A found = parameter.getAnnotation(type);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Map<String, String> gcpEntryPoints() {
        String pkg = constant("PACKAGE");
        Map<String, String> entries = new HashMap<>();
        Matcher http = Pattern.compile("(?m)^deploy_http (\\S+) (\\S+) ").matcher(gcpScript);
        while (http.find()) {
            entries.put(http.group(1), pkg + "." + http.group(2));
        }
        Matcher events = Pattern.compile("gcloud functions deploy (\\S+) \"\\$\\{common\\[@]}\" --entry-point=\"\\$PACKAGE\\.(\\w+)\"")
                .matcher(gcpScript);
        while (events.find()) {
            entries.put(events.group(1), pkg + "." + events.group(2));
        }
        return entries;
    }

    private static Map<String, Settings> gcpSettings() {
        Map<String, Settings> settings = new HashMap<>();
        Matcher http = Pattern.compile("(?m)^deploy_http (\\S+) \\S+ (\\S+) (\\S+) (\\d+)$").matcher(gcpScript);
        while (http.find()) {
            settings.put(http.group(1), Settings.of(http.group(2), http.group(3), http.group(4)));
        }
        // Event functions: one gcloud command spread over continuation lines.
        String joined = gcpScript.replace("\\\n", " ");
        Matcher events = Pattern.compile("gcloud functions deploy (\\S+) .*?--memory=(\\S+) --timeout=(\\S+) --max-instances=(\\d+)")
                .matcher(joined);
        while (events.find()) {
            settings.putIfAbsent(events.group(1), Settings.of(events.group(2), events.group(3), events.group(4)));
        }
        return settings;
    }

    private static String constant(String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=(\\S+)$").matcher(gcpScript);
        assertThat(m.find()).as(name + " in deploy-gcp.sh").isTrue();
        return m.group(1);
    }

    private static Publisher unusedPublisher() {
        return (destination, body, attributes) -> {
            throw new AssertionError("route check published to " + destination);
        };
    }

    /** Memory in MB, timeout in seconds, the concurrency cap. */
    private record Settings(int memoryMb, int timeoutSeconds, int concurrency) {
        static Settings of(String memory, String timeout, String concurrency) {
            int mb = memory.endsWith("Gi") ? Integer.parseInt(memory.replace("Gi", "")) * 1024
                    : Integer.parseInt(memory.replace("Mi", ""));
            return new Settings(mb, Integer.parseInt(timeout.replace("s", "")), Integer.parseInt(concurrency));
        }
    }
}
