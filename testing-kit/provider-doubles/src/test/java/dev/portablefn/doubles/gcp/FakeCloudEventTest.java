package dev.portablefn.doubles.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.SpecVersion;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class FakeCloudEventTest {

    @Test
    void carriesEveryAttributeExtensionAndTheDataWithoutCopyingOnRead() {
        byte[] data = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        FakeCloudEvent event = FakeCloudEvent.builder().id("e-1").source("//pubsub.googleapis.com/projects/p/topics/t")
                .type("google.cloud.pubsub.topic.v1.messagePublished").subject("s").dataContentType("application/json")
                .dataSchema("https://schemas/x").time(OffsetDateTime.parse("2024-05-01T10:00:00Z"))
                .extension("traceparent", "00-abc").extension("attempt", 2).data(data).build();

        assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(event.getId()).isEqualTo("e-1");
        assertThat(event.getSource()).hasToString("//pubsub.googleapis.com/projects/p/topics/t");
        assertThat(event.getAttribute("type")).isEqualTo("google.cloud.pubsub.topic.v1.messagePublished");
        assertThat(event.getAttribute("subject")).isEqualTo("s");
        assertThat(event.getDataSchema()).hasToString("https://schemas/x");
        assertThat(event.getExtensionNames()).containsExactly("traceparent", "attempt");
        assertThat(event.getExtension("attempt")).isEqualTo(2);
        assertThat(event.getData().toBytes()).isEqualTo(data).isSameAs(event.getData().toBytes());
        assertThatThrownBy(() -> event.getAttribute("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiredAttributesAreNamedWhenMissing() {
        assertThatThrownBy(() -> FakeCloudEvent.builder().source("s").type("t").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'id'");
        assertThatThrownBy(() -> FakeCloudEvent.builder().id("1").type("t").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'source'");
        assertThatThrownBy(() -> FakeCloudEvent.builder().id("1").source("s").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'type'");
        assertThatThrownBy(() -> FakeCloudEvent.builder().source("not a uri"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a uri");
    }

    @Test
    void anEventWithoutDataOrExtensionsHasNone() {
        FakeCloudEvent event = FakeCloudEvent.builder().id("1").source("s").type("t").build();

        assertThat(event.getData()).isNull();
        assertThat(event.getExtensionNames()).isEmpty();
        assertThat(event.getExtension("traceparent")).isNull();
        assertThat(event.getTime()).isNull();
    }

    @Test
    void backgroundContextAnswersWithItsValues() {
        FakeBackgroundContext context = new FakeBackgroundContext("9", "2021-02-05T04:06:14.109Z",
                "google.pubsub.topic.publish", "projects/p/topics/t");

        assertThat(context.eventId()).isEqualTo("9");
        assertThat(context.eventType()).isEqualTo("google.pubsub.topic.publish");
        assertThat(context.attributes()).isEmpty();
    }
}
