package dev.portablefn.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.Trigger;
import dev.portablefn.aws.AwsDecoder;
import dev.portablefn.gcp.GcpDecoder;
import dev.portablefn.runtime.internal.Decoded;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The recorded events the kit ships load by name and go through their adapter: every AWS payload decodes, except
 * the two kinds the adapter refuses with a reason naming the alternative; every Google CloudEvent data file decodes
 * once wrapped in the CloudEvent its service sends.
 */
class RecordedEventsTest {

    private static final Map<String, String> GCP_TYPES = Map.of(
            "pubsub", "google.cloud.pubsub.topic.v1.messagePublished",
            "storage", "google.cloud.storage.object.v1.finalized",
            "firestore", "google.cloud.firestore.document.v1.written",
            "scheduler", "google.cloud.scheduler.job.v1.executed");
    private static final Map<String, String> GCP_SOURCES = Map.of(
            "pubsub", "//pubsub.googleapis.com/projects/p/topics/t",
            "storage", "//storage.googleapis.com/projects/_/buckets/b",
            "firestore", "//firestore.googleapis.com/projects/p/databases/(default)",
            "scheduler", "//cloudscheduler.googleapis.com/projects/p/locations/us-central1/jobs/nightly");

    static Stream<String> awsNames() {
        return RecordedEvents.names().stream().filter(name -> name.startsWith("aws/"));
    }

    static Stream<String> gcpNames() {
        return RecordedEvents.names().stream().filter(name -> name.startsWith("gcp/"));
    }

    @Test
    void theKitShipsRecordedEventsOfBothProviders() {
        assertThat(RecordedEvents.names()).contains("aws/sqs-event", "aws/dynamodb-event", "aws/apigw-request",
                "gcp/pubsub-MessagePublishedData-text", "gcp/firestore-DocumentEventData-simple").isSorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awsNames")
    void everyRecordedAwsEventDecodesOrIsRefusedWithTheAlternative(String name) {
        byte[] payload = RecordedEvents.named(name);
        if (name.contains("kafka") || name.contains("cloudwatch-logs")) {
            assertThatThrownBy(() -> new AwsDecoder().decode(payload)).isInstanceOf(EventDecodingException.class)
                    .hasMessageContaining("not supported").hasMessageContaining("instead");
        } else {
            assertThat(new AwsDecoder().decode(payload)).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gcpNames")
    void everyRecordedCloudEventDataDecodesInsideItsCloudEvent(String name) {
        String service = name.substring("gcp/".length(), name.indexOf('-'));
        Decoded decoded = new GcpDecoder().decode(RecordedEvents.cloudEvent(name, GCP_TYPES.get(service),
                GCP_SOURCES.get(service)));

        assertThat(decoded).isInstanceOf(Decoded.Events.class);
        Trigger trigger = ((Decoded.Events) decoded).events().get(0).trigger();
        assertThat(trigger).isEqualTo(switch (service) {
            case "pubsub" -> Trigger.TOPIC;
            case "storage" -> Trigger.STORAGE;
            case "firestore" -> Trigger.DATABASE;
            default -> Trigger.SCHEDULE;
        });
    }

    @Test
    void anUnknownNameIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> RecordedEvents.named("aws/sqs"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no recorded event 'aws/sqs'")
                .hasMessageContaining("aws/sqs-event");
    }
}
