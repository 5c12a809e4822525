package dev.portablefn.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTest {

    private static Event.Builder<String> minimal() {
        return Event.<String>builder().id("m-1").source("queue-a").type("aws:sqs").trigger(Trigger.QUEUE);
    }

    @Test
    void builderSetsEveryField() {
        Instant time = Instant.parse("2026-01-05T10:00:00Z");
        Event<String> event = minimal().subject("orders/1").time(time).dataContentType("application/json").data("{}")
                .attribute("k", "v").attributes(Map.of("k2", "v2")).deliveryAttempt(3).nativeEvent(42).build();

        assertThat(event.id()).isEqualTo("m-1");
        assertThat(event.source()).isEqualTo("queue-a");
        assertThat(event.type()).isEqualTo("aws:sqs");
        assertThat(event.subject()).contains("orders/1");
        assertThat(event.time()).contains(time);
        assertThat(event.dataContentType()).contains("application/json");
        assertThat(event.data()).isEqualTo("{}");
        assertThat(event.attributes()).containsOnly(Map.entry("k", "v"), Map.entry("k2", "v2"));
        assertThat(event.attribute("k")).contains("v");
        assertThat(event.attribute("missing")).isEmpty();
        assertThat(event.trigger()).isEqualTo(Trigger.QUEUE);
        assertThat(event.deliveryAttempt()).hasValue(3);
        assertThat(event.unwrap(Integer.class)).isEqualTo(42);
    }

    @Test
    void optionalPartsAreEmptyWhenUnset() {
        Event<String> event = minimal().build();

        assertThat(event.subject()).isEmpty();
        assertThat(event.time()).isEmpty();
        assertThat(event.dataContentType()).isEmpty();
        assertThat(event.data()).isNull();
        assertThat(event.attributes()).isEmpty();
        assertThat(event.deliveryAttempt()).isEmpty();
    }

    @Test
    void nullAttributeValuesAreIgnoredAndAttributesAreUnmodifiable() {
        Event<String> event = minimal().attribute("gone", null).build();

        assertThat(event.attributes()).isEmpty();
        assertThatThrownBy(() -> event.attributes().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void attributesKeepTheOrderTheyArrivedIn() {
        Event.Builder<String> builder = minimal();
        for (int i = 9; i >= 0; i--) {
            builder.attribute("name-" + i, "v" + i);
        }

        assertThat(builder.build().attributes().keySet())
                .containsExactly("name-9", "name-8", "name-7", "name-6", "name-5", "name-4", "name-3", "name-2", "name-1", "name-0");
        assertThatThrownBy(() -> builder.build().attributes().remove("name-1")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "source", "type"})
    void requiredStringsMustBeNonEmpty(String field) {
        Event.Builder<String> builder = minimal();
        switch (field) {
            case "id" -> builder.id("");
            case "source" -> builder.source(null);
            default -> builder.type("");
        }

        assertThatIllegalArgumentException().isThrownBy(builder::build).withMessage("an event needs a non-empty " + field);
    }

    @Test
    void triggerIsRequired() {
        assertThatNullPointerException().isThrownBy(() -> minimal().trigger(null).build()).withMessageContaining("trigger");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void deliveryAttemptStartsAtOne(int attempt) {
        assertThatIllegalArgumentException().isThrownBy(() -> minimal().deliveryAttempt(attempt))
                .withMessageContaining(String.valueOf(attempt));
    }

    @Test
    void withDataCopiesEverythingButTheData() {
        Event<String> original = minimal().subject("s").attribute("a", "1").deliveryAttempt(2).nativeEvent("raw").data("7").build();

        Event<Integer> bound = original.withData(7);

        assertThat(bound.data()).isEqualTo(7);
        assertThat(bound.id()).isEqualTo("m-1");
        assertThat(bound.subject()).contains("s");
        assertThat(bound.attributes()).containsExactly(Map.entry("a", "1"));
        assertThat(bound.deliveryAttempt()).hasValue(2);
        assertThat(bound.unwrap(String.class)).isEqualTo("raw");
        assertThat(original.data()).isEqualTo("7");
    }

    @Test
    void toBuilderMakesAnIndependentCopy() {
        Event<String> original = minimal().attribute("a", "1").build();

        Event<String> changed = original.toBuilder().id("m-2").attribute("b", "2").build();

        assertThat(changed.id()).isEqualTo("m-2");
        assertThat(changed.attributes()).containsOnlyKeys("a", "b");
        assertThat(original.attributes()).containsOnlyKeys("a");
    }

    @Test
    void unwrapExplainsWhatIsWrapped() {
        assertThatIllegalArgumentException().isThrownBy(() -> minimal().build().unwrap(String.class))
                .withMessage("event m-1 does not wrap a java.lang.String; it wraps nothing");
        assertThatIllegalArgumentException().isThrownBy(() -> minimal().nativeEvent(1).build().unwrap(String.class))
                .withMessageContaining("it wraps java.lang.Integer");
    }

    @Test
    void equalityComparesFieldsAndByteArrayContentButNotTheNativeEvent() {
        Event<byte[]> a = Event.<byte[]>builder().id("1").source("s").type("t").trigger(Trigger.TOPIC)
                .data("x".getBytes(StandardCharsets.UTF_8)).nativeEvent("one").build();
        Event<byte[]> b = a.toBuilder().data("x".getBytes(StandardCharsets.UTF_8)).nativeEvent("two").build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(a.toBuilder().data(new byte[] {1}).build());
        assertThat(a).isNotEqualTo(a.toBuilder().attribute("k", "v").build());
        assertThat(a).isNotEqualTo(a.toBuilder().deliveryAttempt(2).build());
        assertThat(a).isNotEqualTo(a.toBuilder().subject("other").build());
        assertThat(a).isNotEqualTo("not an event");
    }

    @Test
    void toStringNamesTriggerIdAndSubjectButNotData() {
        assertThat(minimal().subject("key").data("secret").build().toString())
                .isEqualTo("Event{trigger=QUEUE, id=m-1, source=queue-a, type=aws:sqs, subject=key}");
    }
}
