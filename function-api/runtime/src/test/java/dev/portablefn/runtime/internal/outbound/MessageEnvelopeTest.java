package dev.portablefn.runtime.internal.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.EventDecodingException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageEnvelopeTest {

    @Test
    void bodyAndAttributesSurviveTheRoundTripInOrder() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("tenant", "ünïcode \"quoted\"");
        attributes.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        String body = "{\"orderId\":\"42\",\"note\":\"line\\nbreak\"}";

        String wrapped = MessageEnvelope.wrap(body, attributes);

        assertThat(wrapped).startsWith(MessageEnvelope.PREFIX);
        MessageEnvelope.Opened opened = MessageEnvelope.open(wrapped, () -> "message m-1").orElseThrow();
        assertThat(opened.body()).isEqualTo(body);
        assertThat(opened.attributes()).containsExactlyEntriesOf(attributes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain text", "{\"orderId\":\"42\"}", "{\"portablefn-envelope\":2,\"body\":\"x\"}", ""})
    void ordinaryMessagesAreNotEnvelopes(String text) {
        assertThat(MessageEnvelope.open(text, () -> "message m-1")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"portablefn-envelope\":1,\"body\":", "{\"portablefn-envelope\":1,\"body\":\"x\"}",
            "{\"portablefn-envelope\":1,\"attributes\":{\"n\":1},\"body\":\"x\"}"})
    void aBrokenEnvelopeIsADecodingFailureNamingTheMessage(String text) {
        assertThatThrownBy(() -> MessageEnvelope.open(text, () -> "message m-1"))
                .isInstanceOf(EventDecodingException.class).hasMessageStartingWith("message m-1");
    }
}
