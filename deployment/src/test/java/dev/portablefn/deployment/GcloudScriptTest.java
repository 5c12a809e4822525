package dev.portablefn.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.Provider;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gcloud script read back command by command. */
class GcloudScriptTest {

    private final String script = Rendered.script(SampleApplication.declared());
    private final Map<String, String> deploys = Rendered.gcloudDeploys(script);

    @Test
    void everyFunctionDeploysItsGeneratedEntryWithItsMemoryTimeoutAndMaxInstances() {
        assertThat(deploys).containsOnlyKeys("orders", "billing", "refunds", "uploads", "uploads-deleted", "nightly");
        String orders = deploys.get("orders");
        assertThat(orders).contains("\"${common[@]}\"", "--trigger-http", "--allow-unauthenticated");
        assertThat(Rendered.option(orders, "entry-point")).isEqualTo("\"$PACKAGE.OrdersFunction\"");
        assertThat(Rendered.option(orders, "memory")).isEqualTo("512Mi");
        assertThat(Rendered.option(orders, "timeout")).isEqualTo("10s");
        assertThat(Rendered.option(orders, "max-instances")).isEqualTo("20");
        assertThat(Rendered.option(deploys.get("nightly"), "memory")).isEqualTo("1Gi");
        assertThat(script).contains("PACKAGE=" + Rendered.PACKAGE + "\n")
                .contains("--runtime=java17 --source=\"$SOURCE\"")
                .contains("[ -f \"$SOURCE/" + Rendered.JAR + "\" ]");
    }

    @Test
    void theScriptDeploysFromTheDirectoryItSitsInAndUploadsOnlyTheJar() {
        assertThat(script).contains("SOURCE=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)\"");
        assertThat(Rendered.files(SampleApplication.declared(), Provider.GCP).get("deploy/.gcloudignore").lines())
                .containsExactlyInAnyOrder(".gcloudignore", "deploy-gcp.sh");
    }

    @Test
    void topicsQueuesAndSchedulesArePubSubTriggersThatRetryAndDeadLetter() {
        assertThat(Rendered.option(deploys.get("billing"), "trigger-topic")).isEqualTo("billing");
        assertThat(Rendered.option(deploys.get("refunds"), "trigger-topic")).isEqualTo("refunds");
        assertThat(Rendered.option(deploys.get("nightly"), "trigger-topic")).isEqualTo("nightly");
        assertThat(deploys.get("billing")).contains(" --retry ");
        assertThat(script).contains("gcloud pubsub topics create billing-dlq ")
                .contains("gcloud pubsub subscriptions create billing-dlq-kept --project=\"$PROJECT\" --topic=billing-dlq");
        assertThat(Rendered.lines(script, "--dead-letter-topic="))
                .containsExactly("gcloud pubsub subscriptions update \"$subscription\" --project=\"$PROJECT\" "
                                + "--dead-letter-topic=\"projects/$PROJECT/topics/billing-dlq\" --max-delivery-attempts=5 "
                                + "--min-retry-delay=10s --max-retry-delay=600s",
                        "gcloud pubsub subscriptions update \"$subscription\" --project=\"$PROJECT\" "
                                + "--dead-letter-topic=\"projects/$PROJECT/topics/refunds-dlq\" --max-delivery-attempts=5 "
                                + "--min-retry-delay=10s --max-retry-delay=600s");
        // the subscription is the one behind each function's own Eventarc trigger
        assertThat(Rendered.lines(script, "gcloud functions describe "))
                .containsExactly("trigger=$(gcloud functions describe billing --gen2 --project=\"$PROJECT\" "
                                + "--region=\"$REGION\" --format='value(eventTrigger.trigger)')",
                        "trigger=$(gcloud functions describe refunds --gen2 --project=\"$PROJECT\" "
                                + "--region=\"$REGION\" --format='value(eventTrigger.trigger)')");
        assertThat(script).contains("# refunds: declared 3 retries; Pub/Sub dead-letters after at least 5 attempts.");
        assertThat(script).contains("--role=roles/pubsub.publisher", "--role=roles/pubsub.subscriber");
        assertThat(Rendered.lines(script, "gcloud scheduler jobs create pubsub nightly")).singleElement()
                .asString().contains("--schedule=\"0 2 * * *\" --time-zone=UTC --topic=nightly");
    }

    @Test
    void aBucketTriggerDeploysOneFunctionForCreatedAndOneForDeletedObjects() {
        assertThat(deploys.get("uploads")).contains("type=google.cloud.storage.object.v1.finalized", "bucket=uploads",
                " --retry ");
        assertThat(deploys.get("uploads-deleted")).contains("type=google.cloud.storage.object.v1.deleted")
                .contains("--entry-point=\"$PACKAGE.UploadsFunction\"");
    }

    @Test
    void aBucketTriggersDeadLetterQueueIsSetOnBothItsFunctionsAndStorageMayPublishItsEvents() {
        Application app = SampleApplication.declared();
        String withDeadLetters = Rendered.script(app.with(app.function("uploads").withDeadLetter("billing-dlq")));

        assertThat(Rendered.lines(withDeadLetters, "gcloud functions describe "))
                .anySatisfy(line -> assertThat(line).contains("describe uploads "))
                .anySatisfy(line -> assertThat(line).contains("describe uploads-deleted "));
        assertThat(Rendered.lines(script, "--role=roles/pubsub.publisher --condition=None")).singleElement().asString()
                .contains("--member=\"serviceAccount:$storage_agent\"");
    }

    @Test
    void aNewObjectsTriggerOnAScopedBucketDeploysOneFunctionOnTheProjectsBucket() {
        Application scoped = Application.builder("shop").scopedBucket("inbox")
                .function(FunctionSpec.of("uploads", SampleApplication.ENTRIES + "uploads", TriggerSpec.newObjects("inbox", ""))
                        .withBucket("inbox"))
                .build();
        String text = Rendered.script(scoped);

        assertThat(Rendered.gcloudDeploys(text)).containsOnlyKeys("uploads");
        assertThat(Rendered.gcloudDeploys(text).get("uploads"))
                .contains("--trigger-event-filters=\"bucket=inbox-$PROJECT\"")
                .contains("--set-env-vars=\"GOOGLE_CLOUD_PROJECT=$PROJECT,PORTABLEFN_BUCKET_INBOX=inbox-$PROJECT\"");
        assertThat(text).contains("gcloud storage buckets create \"gs://inbox-$PROJECT\" ");
    }

    @Test
    void logicalNamesAndSettingsAreSetOnEachFunctionWithTheProjectTheLogsLinkTracesIn() {
        assertThat(Rendered.option(deploys.get("orders"), "set-env-vars")).isEqualTo("\"CURRENCY=EUR,"
                + "GOOGLE_CLOUD_PROJECT=$PROJECT,PORTABLEFN_DESTINATION_BILLING=projects/$PROJECT/topics/billing,"
                + "PORTABLEFN_LOG_FORMAT=json\"");
        assertThat(Rendered.option(deploys.get("uploads-deleted"), "set-env-vars"))
                .isEqualTo("\"GOOGLE_CLOUD_PROJECT=$PROJECT,PORTABLEFN_BUCKET_UPLOADS=uploads,PORTABLEFN_LOG_FORMAT=json\"");
    }

    @Test
    void aSettingWithACommaIsPassedWithAnotherDelimiter() {
        Application app = SampleApplication.declared();
        app = app.with(app.function("billing").withSetting("HOSTS", "a,b"));

        assertThat(Rendered.option(Rendered.gcloudDeploys(Rendered.script(app)).get("billing"), "set-env-vars"))
                .isEqualTo("\"^;^GOOGLE_CLOUD_PROJECT=$PROJECT;HOSTS=a,b;PORTABLEFN_LOG_FORMAT=json\"");
    }
}
