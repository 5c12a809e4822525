package dev.portablefn.examples.learning.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.functions.CloudEventsFunction;
import com.google.cloud.functions.HttpFunction;
import dev.portablefn.gcp.GcpCloudEventFunction;
import dev.portablefn.gcp.GcpHttpFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy-gcp.sh against this module: every entry point it names exists, is the Functions Framework type its trigger
 * calls and constructs; it uploads the directory the package phase fills; the Pub/Sub subscriptions of its topic
 * triggers retry and dead-letter.
 */
class DeployScriptTest {

    private static String script;
    /** Each command on one line: the script's continuation lines joined. */
    private static String commands;

    @BeforeAll
    static void readScript() throws IOException {
        script = Files.readString(Path.of("deploy-gcp.sh"));
        commands = script.replace("\\\n", " ");
    }

    @Test
    void everyEntryPointExistsIsTheTypeItsTriggerCallsAndConstructs() throws Exception {
        String pkg = constant("PACKAGE");
        assertThat(pkg).isEqualTo(getClass().getPackageName());
        Map<String, String> entryPoints = new TreeMap<>();
        Matcher http = Pattern.compile("(?m)^deploy_http (\\S+) (\\w+) ").matcher(commands);
        while (http.find()) {
            entryPoints.put(http.group(1), "http");
            assertEntryPoint(pkg + "." + http.group(2), GcpHttpFunction.class, HttpFunction.class);
        }
        Matcher events = Pattern.compile("(?m)^gcloud functions deploy (\\S+) .*--entry-point=\"\\$PACKAGE\\.(\\w+)\"")
                .matcher(commands);
        while (events.find()) {
            entryPoints.put(events.group(1), "event");
            assertEntryPoint(pkg + "." + events.group(2), GcpCloudEventFunction.class, CloudEventsFunction.class);
        }
        assertThat(entryPoints).isEqualTo(Map.of("courses", "http", "users", "http", "payment-publisher", "http",
                "reports", "http", "payment-subscriber", "event", "lesson-uploads", "event", "lesson-deletions", "event",
                "nightly-report", "event"));
    }

    @Test
    void everyFunctionIsDeployedFromTheDirectoryThePackagePhaseFills() {
        assertThat(constant("SOURCE")).isEqualTo("target/deploy");
        assertThat(script).contains("common=(--gen2 --project=\"$PROJECT\" --region=\"$REGION\" --runtime=java17 "
                + "--source=\"$SOURCE\")");
        assertThat(commands).contains("deploy_http() { # name entry-point memory timeout max-instances [more gcloud options]\n"
                + "  gcloud functions deploy \"$1\" \"${common[@]}\" ");
        assertThat(commands.lines().filter(l -> l.startsWith("deploy_http ")))
                .hasSize(4)
                .allSatisfy(command -> assertThat(command).doesNotContain("--source"));
        assertThat(commands.lines().filter(l -> l.startsWith("gcloud functions deploy ")))
                .hasSize(4)
                .allSatisfy(command -> assertThat(command).contains("\"${common[@]}\"").doesNotContain("--source"));
        assertThat(script).contains("[ -f \"$SOURCE/portablefn-example-learning-platform-gcp.jar\" ]");
    }

    @Test
    void topicTriggeredFunctionsRetryAndTheirSubscriptionsDeadLetterAfterFiveAttempts() {
        Matcher topicTriggers = Pattern.compile("(?m)^gcloud functions deploy (\\S+) .*--trigger-topic=\"\\$(\\w+)\"(.*)$")
                .matcher(commands);
        Map<String, String> topics = new TreeMap<>();
        while (topicTriggers.find()) {
            topics.put(topicTriggers.group(1), topicTriggers.group(2));
            assertThat(topicTriggers.group(3)).as(topicTriggers.group(1)).contains(" --retry ");
        }
        assertThat(topics).isEqualTo(Map.of("payment-subscriber", "PAYMENTS_TOPIC", "nightly-report", "NIGHTLY_SCHEDULE"));
        assertThat(script)
                .contains("for topic in \"$PAYMENTS_TOPIC\" \"$NIGHTLY_SCHEDULE\"; do\n  gcloud pubsub topics create \"$topic\"")
                .contains("gcloud pubsub topics create \"$topic-dlq\"")
                // a dead-letter topic without a subscription would drop what lands on it
                .contains("gcloud pubsub subscriptions create \"$topic-dlq-kept\" --project=\"$PROJECT\" --topic=\"$topic-dlq\"");
        Matcher update = Pattern.compile("for topic in \"\\$PAYMENTS_TOPIC\" \"\\$NIGHTLY_SCHEDULE\"; do\n"
                + "  subscription=\\$\\(gcloud pubsub topics list-subscriptions \"\\$topic\"[\\s\\S]*?"
                + "gcloud pubsub subscriptions update \"\\$subscription\" [^\n]*\n?[^\n]*").matcher(script);
        assertThat(update.find()).as("the subscriptions of both topics are updated").isTrue();
        assertThat(update.group().replace("\\\n", " "))
                .contains("--dead-letter-topic=\"$topic-dlq\"", "--max-delivery-attempts=5",
                        "--min-retry-delay=", "--max-retry-delay=")
                // dead-lettering works only when the Pub/Sub service agent may publish there and acknowledge here
                .contains("gcloud pubsub topics add-iam-policy-binding \"$topic-dlq\"", "--role=roles/pubsub.publisher",
                        "gcloud pubsub subscriptions add-iam-policy-binding \"$subscription\"", "--role=roles/pubsub.subscriber");
    }

    @Test
    void storageTriggeredFunctionsRetry() {
        assertThat(commands.lines().filter(l -> l.contains("--trigger-event-filters=")))
                .hasSize(2)
                .allSatisfy(command -> assertThat(command).contains(" --retry "));
    }

    private static void assertEntryPoint(String className, Class<?> adapter, Class<?> framework) throws Exception {
        Class<?> type = Class.forName(className);
        assertThat(type).as(className).isAssignableTo(adapter).isAssignableTo(framework);
        assertThat(type.getConstructor().newInstance()).isInstanceOf(framework);
    }

    private static String constant(String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=(\\S+)$").matcher(script);
        assertThat(m.find()).as(name + " in deploy-gcp.sh").isTrue();
        return m.group(1);
    }
}
