package dev.portablefn.deployment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The GCP deployment of an application: a bash script of gcloud commands that sits in the deploy directory next to
 * the jar it uploads. It creates the Pub/Sub topics (queues are topics on GCP, and so is each schedule's route),
 * the dead-letter topics with a subscription that keeps what lands there, the buckets and the Scheduler jobs, then
 * deploys each function (2nd gen) with its memory, timeout, max instances, settings and trigger, and sets the
 * dead-letter topic and retry backoff on the Pub/Sub subscription behind each event function's Eventarc trigger. A bucket trigger deploys
 * two functions, {@code <name>} on finalized objects and {@code <name>-deleted} on deleted ones (unless it is
 * {@link TriggerSpec#newObjects} only), since an Eventarc trigger matches one event type.
 */
final class GcloudScript {

    /** Pub/Sub dead-letters after at least this many delivery attempts. */
    static final int PUBSUB_MIN_ATTEMPTS = 5;

    private final Application app;
    private final String pkg;
    private final String jar;
    private final StringBuilder out = new StringBuilder(8192);

    private GcloudScript(Application app, String pkg, String jar) {
        this.app = app;
        this.pkg = pkg;
        this.jar = jar;
    }

    /**
     * @param app a checked application
     * @param pkg the package of the generated {@code <Name>Function} entry classes
     * @param jar the jar's file name in the deploy directory
     * @return the script's text
     */
    static String render(Application app, String pkg, String jar) {
        return new GcloudScript(app, pkg, jar).render();
    }

    /** @return how {@code --memory} writes the size: {@code 512Mi}, {@code 1Gi} */
    static String memory(int megabytes) {
        return megabytes >= 1024 ? megabytes / 1024 + "Gi" : megabytes + "Mi";
    }

    /** @return the Pub/Sub topic a function is triggered by, or null for HTTP and bucket triggers */
    static String pubSubTopic(TriggerSpec trigger) {
        if (trigger instanceof TriggerSpec.Topic topic) {
            return topic.name();
        }
        if (trigger instanceof TriggerSpec.Queue queue) {
            return queue.name();
        }
        return trigger instanceof TriggerSpec.Schedule schedule ? schedule.name() : null;
    }

    static int deliveryAttempts(FunctionSpec function) {
        return Math.max(PUBSUB_MIN_ATTEMPTS, function.retries() + 1);
    }

    private String render() {
        line("#!/usr/bin/env bash");
        line("# Rendered by portablefn-deployment from the application's declaration: change that, not this file.");
        line("# Deploys " + app.name() + " to Google Cloud Functions (2nd gen) from the directory this script sits in,");
        line("# next to " + jar + " (the functions with portablefn-gcp-functions and portablefn-gcp-sdk).");
        line("# Usage: PROJECT=my-project REGION=europe-west1 ./deploy-gcp.sh");
        line("# The functions run as the project's default compute service account unless --service-account is added: it");
        line("# needs roles/pubsub.publisher on the topics they publish to and roles/storage.objectViewer on the buckets.");
        line("set -euo pipefail");
        line("");
        line(": \"${PROJECT:?set PROJECT to your Google Cloud project id}\"");
        line("REGION=\"${REGION:-europe-west1}\"");
        line("SOURCE=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)\"");
        line("PACKAGE=" + pkg);
        line("[ -f \"$SOURCE/" + jar + "\" ] || { echo \"$SOURCE holds no " + jar + ": build the module's package first\" >&2; exit 1; }");
        line("common=(--gen2 --project=\"$PROJECT\" --region=\"$REGION\" --runtime=java17 --source=\"$SOURCE\")");
        Set<String> topics = new LinkedHashSet<>(app.topics());
        topics.addAll(app.queues());
        app.functions().forEach(f -> {
            if (f.trigger() instanceof TriggerSpec.Schedule schedule) {
                topics.add(schedule.name());
            }
        });
        line("");
        line("# Pub/Sub topics (queues and schedules are delivered through topics on GCP); a dead-letter topic gets a");
        line("# subscription that keeps what lands there (a topic without subscriptions drops its messages).");
        for (String topic : topics) {
            line("gcloud pubsub topics create " + Text.shell(topic) + " --project=\"$PROJECT\" || true");
        }
        for (String queue : app.deadLetterQueues()) {
            line("gcloud pubsub topics create " + Text.shell(queue) + " --project=\"$PROJECT\" || true");
            line("gcloud pubsub subscriptions create " + Text.shell(queue + "-kept") + " --project=\"$PROJECT\" --topic="
                    + Text.shell(queue) + " --message-retention-duration=7d || true");
        }
        for (String bucket : app.buckets()) {
            line("gcloud storage buckets create \"gs://" + bucketName(bucket)
                    + "\" --project=\"$PROJECT\" --location=\"$REGION\" || true");
        }
        if (app.functions().stream().anyMatch(f -> f.trigger() instanceof TriggerSpec.Bucket)) {
            line("# Cloud Storage announces object changes through Pub/Sub: its service agent publishes for storage triggers.");
            line("storage_agent=$(gcloud storage service-agent --project=\"$PROJECT\")");
            line("gcloud projects add-iam-policy-binding \"$PROJECT\" --member=\"serviceAccount:$storage_agent\" \\\n"
                    + "  --role=roles/pubsub.publisher --condition=None >/dev/null");
        }
        line("");
        line("# Functions");
        for (FunctionSpec function : app.functions()) {
            deploy(function);
        }
        for (ScheduleSpec schedule : app.schedules()) {
            line("gcloud scheduler jobs create pubsub " + Text.shell(schedule.name()) + " --project=\"$PROJECT\""
                    + " --location=\"$REGION\" \\\n  --schedule=" + Text.quoted(Cron.gcp(schedule.cron()))
                    + " --time-zone=" + Text.shell(schedule.zone()) + " --topic=" + Text.shell(schedule.name())
                    + " --message-body='{}' || true");
        }
        List<FunctionSpec> deadLettered = app.functions().stream()
                .filter(f -> f.deadLetter().isPresent() && !(f.trigger() instanceof TriggerSpec.Http)).toList();
        if (!deadLettered.isEmpty()) {
            line("");
            line("# Pub/Sub redelivers what a function fails, with backoff, and after the last attempt moves it to the");
            line("# dead-letter topic: set on the subscription behind the function's Eventarc trigger (storage triggers");
            line("# are delivered through Pub/Sub too). Dead-lettering publishes and acknowledges as the project's Pub/Sub");
            line("# service agent, with these roles.");
            line("project_number=$(gcloud projects describe \"$PROJECT\" --format='value(projectNumber)')");
            line("pubsub_agent=\"serviceAccount:service-$project_number@gcp-sa-pubsub.iam.gserviceaccount.com\"");
            for (FunctionSpec function : deadLettered) {
                String dlq = Text.shell(function.deadLetter().orElseThrow());
                if (deliveryAttempts(function) > function.retries() + 1) {
                    line("# " + function.name() + ": declared " + function.retries() + " retries; Pub/Sub dead-letters"
                            + " after at least " + PUBSUB_MIN_ATTEMPTS + " attempts.");
                }
                for (String name : deployedNames(function)) {
                    line("trigger=$(gcloud functions describe " + Text.shell(name) + " --gen2 --project=\"$PROJECT\""
                            + " --region=\"$REGION\" \\\n  --format='value(eventTrigger.trigger)')");
                    line("subscription=$(gcloud eventarc triggers describe \"$trigger\""
                            + " --format='value(transport.pubsub.subscription)')");
                    line("gcloud pubsub topics add-iam-policy-binding " + dlq + " --project=\"$PROJECT\" \\\n"
                            + "  --member=\"$pubsub_agent\" --role=roles/pubsub.publisher >/dev/null");
                    line("gcloud pubsub subscriptions add-iam-policy-binding \"$subscription\" --project=\"$PROJECT\" \\\n"
                            + "  --member=\"$pubsub_agent\" --role=roles/pubsub.subscriber >/dev/null");
                    line("gcloud pubsub subscriptions update \"$subscription\" --project=\"$PROJECT\" \\\n"
                            + "  --dead-letter-topic=\"projects/$PROJECT/topics/" + function.deadLetter().orElseThrow()
                            + "\" --max-delivery-attempts=" + deliveryAttempts(function)
                            + " --min-retry-delay=10s --max-retry-delay=600s");
                }
            }
        }
        return out.toString();
    }

    /** @return the Cloud Functions a function deploys as: a bucket trigger's two, one per event type */
    static List<String> deployedNames(FunctionSpec function) {
        return function.trigger() instanceof TriggerSpec.Bucket bucket && bucket.deletions()
                ? List.of(function.name(), function.name() + "-deleted") : List.of(function.name());
    }

    private void deploy(FunctionSpec function) {
        String entry = "--entry-point=\"$PACKAGE." + EntryClasses.gcpClass(function) + "\"";
        String limits = "--memory=" + memory(function.memoryMb()) + " --timeout=" + function.timeout().toSeconds() + "s"
                + (function.maxConcurrency() > 0 ? " --max-instances=" + function.maxConcurrency() : "");
        String settings = settings(function);
        String retry = function.retries() > 0 ? " --retry" : "";
        if (function.trigger() instanceof TriggerSpec.Http) {
            command(function.name(), entry, "--trigger-http --allow-unauthenticated", limits, settings);
        } else if (function.trigger() instanceof TriggerSpec.Bucket bucket) {
            String[][] events = bucket.deletions() ? new String[][] {{"", "finalized"}, {"-deleted", "deleted"}}
                    : new String[][] {{"", "finalized"}};
            for (String[] event : events) {
                command(function.name() + event[0], entry, "--trigger-event-filters=type=google.cloud.storage.object.v1."
                        + event[1] + " --trigger-event-filters=\"bucket=" + bucketName(bucket.name()) + "\"" + retry,
                        limits, settings);
            }
        } else {
            command(function.name(), entry, "--trigger-topic=" + Text.shell(pubSubTopic(function.trigger())) + retry,
                    limits, settings);
        }
    }

    private void command(String name, String entry, String trigger, String limits, String settings) {
        line("gcloud functions deploy " + Text.shell(name) + " \"${common[@]}\" " + entry + " \\\n  " + trigger
                + " " + limits + settings);
    }

    private String settings(FunctionSpec function) {
        Map<String, String> settings = new TreeMap<>();
        // Cloud Run functions do not set it; portablefn-logging links each line to its trace with it.
        settings.put("GOOGLE_CLOUD_PROJECT", "$PROJECT");
        app.environment().forEach((name, value) -> settings.put(name, escaped(value)));
        function.environment().forEach((name, value) -> settings.put(name, escaped(value)));
        function.publishesTo().forEach(destination ->
                settings.put(Names.destinationSetting(destination), "projects/$PROJECT/topics/" + escaped(destination)));
        function.reads().forEach(bucket -> settings.put(Names.bucketSetting(bucket), bucketName(bucket)));
        List<String> pairs = new ArrayList<>();
        settings.forEach((name, value) -> pairs.add(name + "=" + value));
        // gcloud splits on ','; a value holding one needs another delimiter, named between carets.
        boolean comma = settings.values().stream().anyMatch(value -> value.contains(","));
        return " \\\n  --set-env-vars=\"" + (comma ? "^;^" + String.join(";", pairs) : String.join(",", pairs)) + "\"";
    }

    /** @return the bucket's Cloud Storage name, for inside double quotes: its own, or made unique with the project */
    private String bucketName(String bucket) {
        return escaped(bucket) + (app.scopedBuckets().contains(bucket) ? "-$PROJECT" : "");
    }

    /** @return the value safe inside double quotes */
    private static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
