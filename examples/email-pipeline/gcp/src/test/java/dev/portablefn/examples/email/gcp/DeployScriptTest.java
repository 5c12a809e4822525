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
 * Checks deploy-gcp.sh against the code: every entry point is a {@link GcpCloudEventFunction} that constructs, the
 * bucket triggers the parsing function and the {@value EmailPipeline#ADDRESSES_TOPIC} topic both subscribers, every
 * trigger retries and dead-letters, the logical names the code uses are mapped, and it uploads the jar this module
 * builds.
 */
class DeployScriptTest {

    private static final String BUCKET_SETTING =
            LogicalNames.settingFor(LogicalNames.BUCKET_PREFIX, EmailPipeline.INBOX_BUCKET);
    private static final String ADDRESSES_SETTING =
            LogicalNames.settingFor(LogicalNames.DESTINATION_PREFIX, EmailPipeline.ADDRESSES_TOPIC);
    private static final Map<String, Class<? extends GcpCloudEventFunction>> ENTRIES = Map.of(
            "incoming-emails", IncomingEmailsFunction.class,
            "contacts", ContactsFunction.class,
            "domain-counter", DomainCounterFunction.class);

    private static String script;
    /** Each {@code gcloud functions deploy} command, by function name, its continuation lines joined. */
    private static Map<String, String> deploys;

    @BeforeAll
    static void load() throws IOException {
        script = Files.readString(Path.of("deploy-gcp.sh"));
        deploys = new TreeMap<>();
        Matcher deploy = Pattern.compile("(?m)^gcloud functions deploy (\\S+) (.*)$").matcher(script.replace("\\\n", " "));
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
            Class<?> type = Class.forName(constant("PACKAGE") + "." + entry.group(1));
            assertThat(type).as(function.getKey()).isEqualTo(ENTRIES.get(function.getKey()));
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
                .contains("--trigger-event-filters=\"type=google.cloud.storage.object.v1.finalized\"")
                .contains("--trigger-event-filters=\"bucket=$INBOX_BUCKET\"")
                .doesNotContain("--trigger-topic");
        assertThat(script).contains("gcloud storage buckets create \"gs://$INBOX_BUCKET\"");
    }

    @Test
    void theAddressesTopicTriggersBothSubscribers() {
        assertThat(constant("ADDRESSES_TOPIC")).isEqualTo(EmailPipeline.ADDRESSES_TOPIC);
        for (String subscriber : List.of("contacts", "domain-counter")) {
            assertThat(deploys.get(subscriber)).as(subscriber).contains("--trigger-topic=\"$ADDRESSES_TOPIC\"")
                    .doesNotContain("--trigger-event-filters");
        }
        assertThat(script).contains("gcloud pubsub topics create \"$ADDRESSES_TOPIC\"");
    }

    @Test
    void everyTriggerRetriesAndItsSubscriptionDeadLettersAfterTheMaximumAttempts() {
        deploys.forEach((name, command) -> assertThat(command).as(name).contains(" --retry "));
        Matcher loop = Pattern.compile("(?m)^for function in ([^;]+); do$").matcher(script);
        assertThat(loop.find()).as("the dead-letter loop").isTrue();
        assertThat(List.of(loop.group(1).trim().split("\\s+"))).containsExactlyInAnyOrderElementsOf(deploys.keySet());
        String body = script.substring(loop.end(), script.indexOf("\ndone", loop.end())).replace("\\\n", " ");
        assertThat(body).contains("--format='value(eventTrigger.trigger)'")
                .contains("--format='value(transport.pubsub.subscription)'")
                .contains("gcloud pubsub subscriptions update \"$subscription\"")
                .contains("--dead-letter-topic=\"projects/$PROJECT/topics/$DEAD_LETTER_TOPIC\"")
                .contains("--max-delivery-attempts=\"$MAX_DELIVERY_ATTEMPTS\"")
                .containsPattern("--min-retry-delay=\\d+s --max-retry-delay=\\d+s")
                .contains("--role=roles/pubsub.subscriber");
        assertThat(Integer.parseInt(constant("MAX_DELIVERY_ATTEMPTS"))).isBetween(5, 100);
        assertThat(script).contains("gcloud pubsub topics create \"$DEAD_LETTER_TOPIC\"")
                .contains("gcloud pubsub topics add-iam-policy-binding \"$DEAD_LETTER_TOPIC\"");
    }

    @Test
    void theLogicalBucketAndTopicTheCodeUsesAreMappedForTheParsingFunctionOnly() {
        assertThat(constant("BUCKET_SETTING")).isEqualTo("\"" + BUCKET_SETTING + "=$INBOX_BUCKET\"");
        assertThat(constant("ADDRESSES_DESTINATION"))
                .isEqualTo("\"" + ADDRESSES_SETTING + "=projects/$PROJECT/topics/$ADDRESSES_TOPIC\"");
        assertThat(deploys.get("incoming-emails")).contains("--set-env-vars=\"$BUCKET_SETTING,$ADDRESSES_DESTINATION\"");
        assertThat(deploys.get("contacts")).doesNotContain("--set-env-vars");
        assertThat(deploys.get("domain-counter")).doesNotContain("--set-env-vars");
    }

    @Test
    void itUploadsTheDirectoryThePackagePhaseWritesTheJarTo() {
        assertThat(constant("SOURCE")).isEqualTo("target/deploy");
        assertThat(constant("JAR")).isEqualTo("portablefn-example-email-pipeline-gcp.jar");
        assertThat(script).contains("[ -f \"$SOURCE/$JAR\" ]");
    }

    private static String constant(String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=(\\S+)$").matcher(script);
        assertThat(m.find()).as(name + " in deploy-gcp.sh").isTrue();
        return m.group(1);
    }
}
