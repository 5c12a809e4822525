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
 * The deploy script the build rendered from the app's declaration ({@code target/deploy/deploy-gcp.sh}) against this
 * module: every entry point it names exists (rendered too), is the Functions Framework type its trigger calls and
 * constructs; it uploads the directory it sits in, which the package phase fills; the Pub/Sub subscriptions of its
 * event triggers retry and dead-letter after 5 attempts.
 */
class DeployScriptTest {

    private static final Path SCRIPT = Path.of("target/deploy/deploy-gcp.sh");
    private static String script;
    /** Each command on one line: the script's continuation lines joined. */
    private static String commands;

    @BeforeAll
    static void readScript() throws IOException {
        script = Files.readString(SCRIPT);
        commands = script.replaceAll(" *\\\\\n\\s*", " ");
    }

    @Test
    void everyEntryPointExistsIsTheTypeItsTriggerCallsAndConstructs() throws Exception {
        assertThat(constant("PACKAGE")).isEqualTo(getClass().getPackageName());
        Map<String, String> entryPoints = new TreeMap<>();
        Matcher deploys = Pattern.compile("(?m)^gcloud functions deploy (\\S+) .*--entry-point=\"\\$PACKAGE\\.(\\w+)\" (.*)$")
                .matcher(commands);
        while (deploys.find()) {
            boolean http = deploys.group(3).contains("--trigger-http");
            entryPoints.put(deploys.group(1), http ? "http" : "event");
            assertEntryPoint(getClass().getPackageName() + "." + deploys.group(2),
                    http ? GcpHttpFunction.class : GcpCloudEventFunction.class,
                    http ? HttpFunction.class : CloudEventsFunction.class);
        }
        assertThat(entryPoints).isEqualTo(Map.of("courses", "http", "users", "http", "payment-publisher", "http",
                "reports", "http", "payment-subscriber", "event", "lesson-uploads", "event",
                "lesson-uploads-deleted", "event", "nightly-report", "event"));
    }

    @Test
    void everyFunctionIsDeployedFromTheDirectoryTheScriptSitsIn() {
        assertThat(SCRIPT).isExecutable();
        assertThat(script).contains("SOURCE=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)\"")
                .contains("common=(--gen2 --project=\"$PROJECT\" --region=\"$REGION\" --runtime=java17 "
                        + "--source=\"$SOURCE\")")
                .contains("[ -f \"$SOURCE/portablefn-example-learning-platform-gcp.jar\" ]");
        assertThat(commands.lines().filter(l -> l.startsWith("gcloud functions deploy ")))
                .hasSize(8)
                .allSatisfy(command -> assertThat(command).contains("\"${common[@]}\"").doesNotContain("--source"));
    }

    @Test
    void eventFunctionsRetryAndTheirSubscriptionsDeadLetterAfterFiveAttempts() {
        Matcher topicTriggers = Pattern.compile("(?m)^gcloud functions deploy (\\S+) .*--trigger-topic=(\\S+)(.*)$")
                .matcher(commands);
        Map<String, String> topics = new TreeMap<>();
        while (topicTriggers.find()) {
            topics.put(topicTriggers.group(1), topicTriggers.group(2));
            assertThat(topicTriggers.group(3)).as(topicTriggers.group(1)).startsWith(" --retry ");
        }
        assertThat(topics).isEqualTo(Map.of("payment-subscriber", "payments", "nightly-report", "nightly-report"));
        Map<String, String> deadLetters = Map.of("payment-subscriber", "payments-enrolment-dlq",
                "nightly-report", "nightly-report-dlq", "lesson-uploads", "lesson-uploads-dlq",
                "lesson-uploads-deleted", "lesson-uploads-dlq");
        deadLetters.forEach((function, queue) -> assertThat(commands)
                .contains("gcloud pubsub topics create " + queue + " ")
                // a dead-letter topic without a subscription would drop what lands on it
                .contains("gcloud pubsub subscriptions create " + queue + "-kept --project=\"$PROJECT\" --topic=" + queue)
                // the subscription behind the function's own Eventarc trigger
                .contains("trigger=$(gcloud functions describe " + function + " --gen2 ")
                // dead-lettering works only when the Pub/Sub service agent may publish there and acknowledge here
                .contains("gcloud pubsub topics add-iam-policy-binding " + queue + " --project=\"$PROJECT\" "
                        + "--member=\"$pubsub_agent\" --role=roles/pubsub.publisher"));
        assertThat(commands.lines().filter(l -> l.startsWith("gcloud pubsub subscriptions update ")))
                .hasSize(4).allSatisfy(l -> assertThat(l).contains("--max-delivery-attempts=5 --min-retry-delay=10s "
                        + "--max-retry-delay=600s"));
        assertThat(commands).contains("--dead-letter-topic=\"projects/$PROJECT/topics/payments-enrolment-dlq\"");
        assertThat(commands.lines().filter(l -> l.contains("add-iam-policy-binding \"$subscription\"")))
                .hasSize(4).allSatisfy(l -> assertThat(l).contains("--role=roles/pubsub.subscriber"));
        assertThat(commands).contains("gcloud scheduler jobs create pubsub nightly-report --project=\"$PROJECT\" "
                + "--location=\"$REGION\" --schedule=\"0 2 * * *\" --time-zone=UTC --topic=nightly-report");
    }

    @Test
    void storageTriggeredFunctionsRetry() {
        assertThat(commands.lines().filter(l -> l.contains("--trigger-event-filters=")))
                .hasSize(2)
                .allSatisfy(command -> assertThat(command).contains(" --retry ")
                        .contains("--trigger-event-filters=\"bucket=lesson-files\"")
                        .contains("--set-env-vars=\"GOOGLE_CLOUD_PROJECT=$PROJECT,PORTABLEFN_ACCESS_LOG=true,"
                                + "PORTABLEFN_BUCKET_LESSON_FILES=lesson-files\""));
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
