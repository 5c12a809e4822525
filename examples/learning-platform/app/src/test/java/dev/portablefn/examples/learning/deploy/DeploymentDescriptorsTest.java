package dev.portablefn.examples.learning.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.examples.learning.LearningPlatform;
import dev.portablefn.examples.learning.TestContexts;
import dev.portablefn.runtime.internal.FunctionRunner;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The three providers' deployment descriptors, read from the sibling modules that package them ({@code ../aws},
 * {@code ../gcp}, {@code ../azure}), against this module's code and each other: every HTTP route is served, the
 * topic, bucket and schedule names are the platform's, memory, timeout and concurrency agree between AWS and GCP,
 * every provider gives up on a failing event after the same number of attempts, every logical destination and bucket
 * the code uses is mapped by a setting in each descriptor, and each package carries its provider's outbound module
 * and no other. What each package builds is checked in its own module.
 */
class DeploymentDescriptorsTest {

    private static final Path PLATFORM = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> FUNCTIONS = Set.of("courses", "users", "payment-publisher", "reports",
            "payment-subscriber", "lesson-uploads", "nightly-report");
    private static final Set<String> HTTP_FUNCTIONS = Set.of("courses", "users", "payment-publisher", "reports");
    private static final String PAYMENTS_SETTING =
            LogicalNames.settingFor(LogicalNames.DESTINATION_PREFIX, LearningPlatform.PAYMENTS_TOPIC);
    private static final String LESSONS_SETTING =
            LogicalNames.settingFor(LogicalNames.BUCKET_PREFIX, LearningPlatform.LESSONS_BUCKET);
    /** The functions that publish or read a bucket, and the settings their logical names need. */
    private static final Map<String, Set<String>> OUTBOUND_SETTINGS = Map.of(
            "payment-publisher", Set.of(PAYMENTS_SETTING), "lesson-uploads", Set.of(LESSONS_SETTING));

    private static JsonNode sam;
    private static Map<String, JsonNode> samFunctions;
    private static String gcpScript;
    private static Map<String, Document> poms;

    @BeforeAll
    static void load() throws IOException {
        sam = new ObjectMapper(new YAMLFactory()).readTree(PLATFORM.resolve("aws/template.yaml").toFile());
        samFunctions = new TreeMap<>();
        for (Map.Entry<String, JsonNode> resource : sam.get("Resources").properties()) {
            if (resource.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
                JsonNode properties = resource.getValue().get("Properties");
                samFunctions.put(properties.get("FunctionName").asText(), properties);
            }
        }
        gcpScript = Files.readString(PLATFORM.resolve("gcp/deploy-gcp.sh"));
        poms = new TreeMap<>();
        for (String module : List.of("app", "aws", "gcp", "azure")) {
            try {
                poms.put(module, DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(PLATFORM.resolve(module).resolve("pom.xml").toFile()));
            } catch (ParserConfigurationException | SAXException e) {
                throw new IOException(module + "/pom.xml does not parse", e);
            }
        }
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
    }

    @Test
    void samMapsEveryLogicalNameTheCodeUsesToItsResourceWithAPolicy() {
        JsonNode resources = sam.get("Resources");
        JsonNode publisher = samFunctions.get("payment-publisher");
        // !Ref of an AWS::SNS::Topic is its ARN, the shape portablefn-aws-sdk reads as an SNS topic.
        assertThat(publisher.at("/Environment/Variables/" + PAYMENTS_SETTING).asText()).isEqualTo("PaymentsTopic");
        assertThat(resources.at("/PaymentsTopic/Type").asText()).isEqualTo("AWS::SNS::Topic");
        assertThat(publisher.at("/Policies/0/SNSPublishMessagePolicy/TopicName").asText()).isEqualTo("PaymentsTopic.TopicName");
        JsonNode uploads = samFunctions.get("lesson-uploads");
        String bucketName = resources.at("/LessonFilesBucket/Properties/BucketName").asText();
        assertThat(uploads.at("/Environment/Variables/" + LESSONS_SETTING).asText()).isEqualTo(bucketName);
        assertThat(uploads.at("/Policies/0/S3ReadPolicy/BucketName").asText()).isEqualTo(bucketName);
        samFunctions.forEach((name, function) -> assertThat(outboundSettings(function.at("/Environment/Variables")))
                .as(name + "'s outbound settings").isEqualTo(OUTBOUND_SETTINGS.getOrDefault(name, Set.of())));
    }

    @Test
    void gcpMapsEveryLogicalNameTheCodeUsesToTheProjectsTopicAndBucket() {
        assertThat(constant("PAYMENTS_DESTINATION"))
                .isEqualTo("\"" + PAYMENTS_SETTING + "=projects/$PROJECT/topics/$PAYMENTS_TOPIC\"");
        assertThat(constant("LESSONS_BUCKET_SETTING")).isEqualTo("\"" + LESSONS_SETTING + "=$LESSONS_BUCKET\"");
        Map<String, String> variables = Map.of("PAYMENTS_DESTINATION", PAYMENTS_SETTING,
                "LESSONS_BUCKET_SETTING", LESSONS_SETTING);
        Map<String, Set<String>> deployed = new HashMap<>();
        Matcher deploys = Pattern.compile("(?m)^(?:deploy_http|gcloud functions deploy) (\\S+) (.*)$")
                .matcher(gcpScript.replace("\\\n", " "));
        while (deploys.find()) {
            Matcher env = Pattern.compile("--set-env-vars=\"\\$(\\w+)\"").matcher(deploys.group(2));
            Set<String> settings = new java.util.TreeSet<>();
            while (env.find()) {
                settings.add(variables.get(env.group(1)));
            }
            deployed.put(deploys.group(1), settings);
        }
        for (String name : FUNCTIONS) {
            assertThat(deployed.get(name)).as(name + "'s --set-env-vars").isEqualTo(OUTBOUND_SETTINGS.getOrDefault(name, Set.of()));
        }
        // The deletion trigger runs the same entry point as lesson-uploads, so it gets the same settings.
        assertThat(deployed.get("lesson-deletions")).isEqualTo(deployed.get("lesson-uploads"));
    }

    @Test
    void azureAppSettingsMapEveryLogicalNameTheCodeUses() throws Exception {
        Map<String, String> settings = new HashMap<>();
        Element azure = poms.get("azure").getDocumentElement();
        NodeList properties = azure.getElementsByTagName("appSettings").item(0).getChildNodes();
        for (int i = 0; i < properties.getLength(); i++) {
            if (properties.item(i) instanceof Element property) {
                settings.put(text(property, "name"), text(property, "value"));
            }
        }
        assertThat(settings).containsEntry(PAYMENTS_SETTING, "servicebus:" + LearningPlatform.PAYMENTS_TOPIC)
                .containsEntry(LESSONS_SETTING, LearningPlatform.LESSONS_BUCKET)
                .containsKeys("PORTABLEFN_SERVICEBUS_NAMESPACE", "PORTABLEFN_STORAGE_ACCOUNT",
                        "ServiceBusConnection__fullyQualifiedNamespace");
        OUTBOUND_SETTINGS.values().forEach(needed -> assertThat(settings).containsKeys(needed.toArray(String[]::new)));
    }

    @Test
    void eachProviderPackageCarriesItsOwnOutboundModuleAndTheAppNone() {
        Map<String, List<String>> expected = Map.of("app", List.of(), "aws", List.of("portablefn-aws-sdk"),
                "gcp", List.of("portablefn-gcp-sdk"), "azure", List.of("portablefn-azure-sdk"));
        expected.forEach((module, modules) -> assertThat(outboundModules(child(poms.get(module).getDocumentElement(),
                "dependencies"))).as(module + "/pom.xml").isEqualTo(modules));
    }

    @Test
    void theDescriptorsDeployWhatTheirModulesPackage() {
        String aws = artifactId("aws");
        assertThat(sam.at("/Globals/Function/CodeUri").asText()).isEqualTo("target/" + aws + ".jar")
                .isEqualTo(shadedJar("aws"));
        assertThat(shadedJar("gcp")).isEqualTo(constant("SOURCE") + "/" + artifactId("gcp") + ".jar");
        assertThat(gcpScript).contains("--source=\"$SOURCE\"");
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
    void azuresFunctionTimeoutCoversTheLongestFunction() throws IOException {
        JsonNode host = new ObjectMapper().readTree(PLATFORM.resolve("azure/host.json").toFile());
        Duration timeout = Duration.parse("PT" + host.path("functionTimeout").asText()
                .replaceFirst("(\\d+):(\\d+):(\\d+)", "$1H$2M$3S"));
        int longest = samFunctions.values().stream().mapToInt(f -> f.get("Timeout").asInt()).max().orElseThrow();
        assertThat(timeout).isGreaterThanOrEqualTo(Duration.ofSeconds(longest));
    }

    @Test
    void gcpAndAzureGiveUpOnAFailingEventAfterTheSameNumberOfAttempts() throws IOException {
        Matcher gcp = Pattern.compile("--max-delivery-attempts=(\\d+)").matcher(gcpScript);
        assertThat(gcp.find()).as("deploy-gcp.sh dead-letters").isTrue();
        int attempts = Integer.parseInt(gcp.group(1));
        JsonNode host = new ObjectMapper().readTree(PLATFORM.resolve("azure/host.json").toFile());
        assertThat(host.at("/retry/maxRetryCount").asInt() + 1).as("Azure host.json retry").isEqualTo(attempts);
        Matcher azure = Pattern.compile("--max-delivery-count (\\d+)")
                .matcher(Files.readString(PLATFORM.resolve("README.md")));
        assertThat(azure.find()).as("the README's Service Bus subscription").isTrue();
        assertThat(Integer.parseInt(azure.group(1))).isEqualTo(attempts);
    }

    private static Map<String, Settings> gcpSettings() {
        Map<String, Settings> settings = new HashMap<>();
        Matcher http = Pattern.compile("(?m)^deploy_http (\\S+) \\S+ (\\S+) (\\S+) (\\d+)( |$)").matcher(gcpScript);
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

    private static Set<String> outboundSettings(JsonNode variables) {
        Set<String> names = new java.util.TreeSet<>();
        variables.fieldNames().forEachRemaining(name -> {
            if (name.startsWith(LogicalNames.DESTINATION_PREFIX) || name.startsWith(LogicalNames.BUCKET_PREFIX)) {
                names.add(name);
            }
        });
        return names;
    }

    private static String artifactId(String module) {
        return child(poms.get(module).getDocumentElement(), "artifactId").getTextContent().strip();
    }

    /** @return the portablefn outbound modules ({@code portablefn-*-sdk}) among these dependencies */
    private static List<String> outboundModules(Element dependencies) {
        List<String> modules = new ArrayList<>();
        NodeList children = dependencies.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element dependency) {
                String artifactId = text(dependency, "artifactId");
                if (artifactId.startsWith("portablefn-") && artifactId.endsWith("-sdk")) {
                    modules.add(artifactId);
                }
            }
        }
        return modules;
    }

    /** @return the shade plugin's output file in the module's pom, relative to the module */
    private static String shadedJar(String module) {
        return text(poms.get(module).getDocumentElement(), "outputFile")
                .replace("${project.build.directory}", "target").replace("${project.artifactId}", artifactId(module));
    }

    private static Element child(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("<" + parent.getTagName() + "> has no <" + name + ">");
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagName(name).item(0).getTextContent().strip();
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
