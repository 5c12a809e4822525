package dev.portablefn.examples.learning.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.Event;
import dev.portablefn.api.Trigger;
import dev.portablefn.examples.learning.CloudDeployment;
import dev.portablefn.examples.learning.LearningPlatform;
import dev.portablefn.testing.GcpEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The rendered entry of the nightly report: Cloud Scheduler publishes to the schedule's Pub/Sub topic, and each
 * message reaches the report as the tick at the message's publish time.
 */
class ScheduleEntryTest {

    @Test
    void aSchedulerMessageOnTheTopicRunsTheReportForTheDayBeforeItsPublishTime() throws Exception {
        byte[] published = GcpEvents.pubsub(LearningPlatform.NIGHTLY_SCHEDULE, Event.<byte[]>builder()
                .id("scheduler-1").source(LearningPlatform.NIGHTLY_SCHEDULE)
                .type("google.cloud.pubsub.topic.v1.messagePublished").trigger(Trigger.TOPIC)
                .time(Instant.parse("2026-12-03T02:00:00Z")).data("{}".getBytes(StandardCharsets.UTF_8)).build());

        new NightlyReportFunction().accept(GcpEvents.cloudEvent(published));

        assertThat(CloudDeployment.platform().reports().find(LocalDate.parse("2026-12-02"))).isPresent();
    }
}
