package dev.portablefn.examples.email.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.examples.email.EmailPipeline;
import dev.portablefn.gcp.GcpCloudEventFunction;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the deploy script the build rendered from the pipeline's declaration ({@code target/deploy/deploy-gcp.sh})
 * against the code: every entry point is a {@link GcpCloudEventFunction} that constructs, the bucket triggers the
 * parsing function and the {@value EmailPipeline#ADDRESSES_TOPIC} topic both subscribers, every trigger retries and
 * dead-letters, the logical names the code uses are mapped, and it uploads the directory it sits in.
 */
class DeployScriptTest {

    private static final String BUCKET_SETTING =
            LogicalNames.settingFor(LogicalNames.BUCKET_PREFIX, EmailPipeline.INBOX_BUCKET);
    private static final String ADDRESSES_SETTING =
            LogicalNames.settingFor(LogicalNames.DESTINATION_PREFIX, EmailPipeline.ADDRESSES_TOPIC);
    private static final Map<String, String> ENTRIES = Map.of(
            "incoming-emails", "IncomingEmailsFunction",
            "contacts", "ContactsFunction",
            "domain-counter", "DomainCounterFunction");
    /** The inbox bucket's name on GCP: global, so made unique with the project. */
    private static final String INBOX = EmailPipeline.INBOX_BUCKET + "-$PROJECT";

    private static String script;
    /** The script, each command's continuation lines joined. */
    private static String commands;
    /** Each {@code gcloud functions deploy} command, by function name. */
    private static Map<String, String> deploys;

    @BeforeAll
    static void load() throws IOException {
        script = Files.readString(Path.of("target/deploy/deploy-gcp.sh"));
        commands = script.replaceAll(" *\\\\\n\\s*", " ");
        deploys = new TreeMap<>();
        Matcher deploy = Pattern.compile("(?m)^gcloud functions deploy (\\S+) (.*)$").matcher(commands);
        while (deploy.find()) {
            deploys.put(deploy.group(1), deploy.group(2));
        }
    }

    @Test
    void everyEntryPointIsTheFunctionsCloudEventFunctionAndConstructs() throws Exception {
        assertThat(deploys.keySet()).isEqualTo(ENTRIES.keySet());
        for (var function : deploys.entrySet()) {
            Matcher entry = Pattern.compile("--entry-point=\"\\$PACKAGE\\.(\\w+)\"").matcher(function.getValue());
            assertThat(entry.find()).as(function.getKey() + " --entry-point").isTrue();
            assertThat(entry.group(1)).as(function.getKey()).isEqualTo(ENTRIES.get(function.getKey()));
            Class<?> type = Class.forName(constant("PACKAGE") + "." + entry.group(1));
            assertThat(GcpCloudEventFunction.class).isAssignableFrom(type);
            assertThat(type.getConstructor().newInstance()).isInstanceOf(GcpCloudEventFunction.class);
            assertThat(function.getValue()).as(function.getKey()).contains("\"${common[@]}\"")
                    .containsPattern("--memory=\\d+Mi --timeout=\\d+s --max-instances=\\d+");
        }
        assertThat(script).contains("common=(--gen2 ").contains("--runtime=java17").contains("--source=\"$SOURCE\"");
    }

    @Test
    void newObjectsInTheInboxBucketTriggerTheParsingFunction() {
        assertThat(deploys.get("incoming-emails"))
                .contains("--trigger-event-filters=type=google.cloud.storage.object.v1.finalized")
                .contains("--trigger-event-filters=\"bucket=" + INBOX + "\"")
                .doesNotContain("--trigger-topic");
        assertThat(deploys).as("no deletion trigger").doesNotContainKey("incoming-emails-deleted");
        assertThat(script).contains("gcloud storage buckets create \"gs://" + INBOX + "\"");
        // Cloud Storage announces new objects through Pub/Sub: its service agent publishes for the storage trigger.
        assertThat(commands).contains("--member=\"serviceAccount:$storage_agent\" --role=roles/pubsub.publisher");
    }

    @Test
    void theAddressesTopicTriggersBothSubscribers() {
        for (String subscriber : List.of("contacts", "domain-counter")) {
            assertThat(deploys.get(subscriber)).as(subscriber)
                    .contains("--trigger-topic=" + EmailPipeline.ADDRESSES_TOPIC + " ")
                    .doesNotContain("--trigger-event-filters");
        }
        assertThat(script).contains("gcloud pubsub topics create " + EmailPipeline.ADDRESSES_TOPIC + " ");
    }

    @Test
    void everyTriggerRetriesAndItsSubscriptionDeadLettersAfterFiveAttempts() {
        deploys.forEach((name, command) -> assertThat(command).as(name).contains(" --retry "));
        Map<String, String> deadLetters = Map.of("incoming-emails", "incoming-emails-dlq",
                "contacts", "addresses-contacts-dlq", "domain-counter", "addresses-domain-counter-dlq");
        deadLetters.forEach((function, topic) -> assertThat(commands)
                .contains("trigger=$(gcloud functions describe " + function + " --gen2 ")
                .contains("gcloud pubsub topics create " + topic + " ")
                .contains("gcloud pubsub subscriptions create " + topic + "-kept ")
                .contains("gcloud pubsub topics add-iam-policy-binding " + topic + " ")
                .contains("--dead-letter-topic=\"projects/$PROJECT/topics/" + topic + "\" --max-delivery-attempts=5 "
                        + "--min-retry-delay=10s --max-retry-delay=600s"));
        assertThat(commands).contains("--format='value(eventTrigger.trigger)'")
                .contains("--format='value(transport.pubsub.subscription)'");
        assertThat(commands.lines().filter(l -> l.contains("add-iam-policy-binding \"$subscription\"")))
                .hasSize(3).allSatisfy(l -> assertThat(l).contains("--role=roles/pubsub.subscriber"));
    }

    @Test
    void theLogicalBucketAndTopicTheCodeUsesAreMappedForTheParsingFunctionOnly() {
        assertThat(deploys.get("incoming-emails")).contains(BUCKET_SETTING + "=" + INBOX + ",")
                .contains(ADDRESSES_SETTING + "=projects/$PROJECT/topics/" + EmailPipeline.ADDRESSES_TOPIC + "\"");
        assertThat(deploys.get("contacts")).doesNotContain(BUCKET_SETTING, ADDRESSES_SETTING);
        assertThat(deploys.get("domain-counter")).doesNotContain(BUCKET_SETTING, ADDRESSES_SETTING);
    }

    @Test
    void everyFunctionWritesAccessLinesLinkedToTracesInTheProject() {
        assertThat(deploys.values()).isNotEmpty().allSatisfy(deploy -> assertThat(deploy)
                .contains("--set-env-vars=\"GOOGLE_CLOUD_PROJECT=$PROJECT,PORTABLEFN_ACCESS_LOG=true"));
    }

    @Test
    void itUploadsTheDirectoryItSitsInWhereThePackagePhaseWritesTheJar() {
        assertThat(script).contains("SOURCE=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)\"")
                .contains("[ -f \"$SOURCE/portablefn-example-email-pipeline-gcp.jar\" ]");
    }

    private static String constant(String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=(\\S+)$").matcher(script);
        assertThat(m.find()).as(name + " in deploy-gcp.sh").isTrue();
        return m.group(1);
    }
}
