package dev.portablefn.aws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.PermanentFailure;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The attribute and size rules SNS and SQS apply, checked before any call. */
class MessageAttributesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "AWS.SNS.x | v | reserved",
            "amazon.thing | v | reserved",
            ".leading | v | '.'",
            "trailing. | v | '.'",
            "two..dots | v | '..'",
            "has space | v | not ' '",
            "ok | '' | empty"})
    void refusesWhatSnsAndSqsRefuse(String name, String value, String why) {
        assertThatThrownBy(() -> MessageAttributes.check("SQS", "orders", Map.of(name, value)))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("SQS refuses attribute '" + name + "'")
                .hasMessageContaining("'orders'").hasMessageContaining(why);
    }

    @Test
    void refusesAValueWithACharacterXmlCannotCarry() {
        assertThatThrownBy(() -> MessageAttributes.check("SNS", "orders", Map.of("k", "a\u0001b")))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("U+0001");
    }

    @Test
    void acceptsTenAttributesAndRefusesEleven() {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            attributes.put("name-" + i + ".x_y", "value " + i + " \u00e9\uD83D\uDE00");
        }
        assertThatCode(() -> MessageAttributes.check("SNS", "orders", attributes)).doesNotThrowAnyException();

        attributes.put("one-more", "v");
        assertThatThrownBy(() -> MessageAttributes.check("SNS", "orders", attributes))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("11 attributes")
                .hasMessageContaining("limit of 10");
    }

    @Test
    void sizeCountsTheBodyAndEachAttributesNameTypeAndValueInUtf8() {
        // body: 'é' is 2 bytes, the emoji 4; attribute: "k" + "String" + "vé"
        assertThat(MessageAttributes.size("a\u00e9\uD83D\uDE00", Map.of("k", "v\u00e9"))).isEqualTo(7 + 1 + 6 + 3);
        assertThat(MessageAttributes.utf8Length("\u20ac")).isEqualTo(3);
    }
}
