package dev.portablefn.runtime.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.portablefn.api.EventDecodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFieldsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String WHERE = "SQS record 3";

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Test
    void wrongTypeNamesWhereTheFieldAndWhatArrived() {
        assertThatThrownBy(() -> JsonFields.requiredText(json("{\"body\":5}"), "body", WHERE))
                .isInstanceOf(EventDecodingException.class)
                .hasMessage("SQS record 3: 'body' must be a string, got the number '5'");
    }

    @Test
    void requiredTextReportsMissingFieldAndAcceptsEmptyString() {
        assertThatThrownBy(() -> JsonFields.requiredText(json("{}"), "body", WHERE))
                .isInstanceOf(EventDecodingException.class)
                .hasMessage("SQS record 3: 'body' is missing");
        assertThat(JsonFields.requiredText(json("{\"body\":\"\"}"), "body", WHERE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"id\":null}", "{\"id\":\"\"}"})
    void requiredNonEmptyTextRejectsAbsentNullAndEmpty(String parent) {
        assertThatThrownBy(() -> JsonFields.requiredNonEmptyText(json(parent), "id", WHERE))
                .isInstanceOf(EventDecodingException.class)
                .hasMessage("SQS record 3: 'id' is missing or empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"f\":null}"})
    void optionalReadersReturnNullForAbsentOrNullFields(String parent) {
        JsonNode node = json(parent);

        assertThat(JsonFields.optionalText(node, "f", WHERE)).isNull();
        assertThat(JsonFields.optionalScalarText(node, "f", WHERE)).isNull();
        assertThat(JsonFields.optionalObject(node, "f", WHERE)).isNull();
        assertThat(JsonFields.optionalArray(node, "f", WHERE)).isNull();
        assertThat(JsonFields.optionalLong(node, "f", WHERE)).isNull();
        assertThat(JsonFields.optionalInt(node, "f", WHERE)).isNull();
        assertThat(JsonFields.optionalBoolean(node, "f", WHERE)).isNull();
        assertThat(JsonFields.optionalInstant(node, "f", WHERE)).isNull();
        assertThat(JsonFields.optionalEpochSeconds(node, "f", WHERE)).isNull();
        assertThat(JsonFields.optionalEpochMillis(node, "f", WHERE)).isNull();
        assertThat(JsonFields.optionalBase64(node, "f", WHERE)).isNull();
        assertThat(JsonFields.stringMap(node, "f", WHERE)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[]|an array", "\"x\"|the string 'x'"})
    void requireObjectNamesTheNodeAndWhatItWas(String node, String actual) {
        assertThatThrownBy(() -> JsonFields.requireObject(json(node), "Timer trigger TimerInfo"))
                .isInstanceOf(EventDecodingException.class)
                .hasMessage("Timer trigger TimerInfo must be a JSON object, got " + actual);
        assertThatThrownBy(() -> JsonFields.requireObject(null, "payload"))
                .hasMessage("payload must be a JSON object, got nothing");
    }

    @Test
    void fieldsOfAnAbsentParentReadAsAbsent() {
        assertThat(JsonFields.optionalText(null, "f", WHERE)).isNull();
        assertThat(JsonFields.optionalObject(MissingNode.getInstance(), "f", WHERE)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"f\":[1]}|object|'f' must be an object, got an array",
            "{\"f\":{}}|array|'f' must be an array, got an object",
            "{\"f\":true}|text|'f' must be a string, got the boolean true",
            "{\"f\":[]}|scalarText|'f' must be a string, got an array",
            "{\"f\":1.5}|long|'f' must be a whole number, got the number '1.5'",
            "{\"f\":\"two\"}|long|'f' must be a whole number, got the string 'two'",
            "{\"f\":\"99999999999999999999\"}|long|'f' must be a whole number, got the string '99999999999999999999'",
            "{\"f\":3000000000}|int|'f' is out of range: 3000000000",
            "{\"f\":\"yes\"}|boolean|'f' must be true or false, got the string 'yes'",
            "{\"f\":\"yesterday\"}|instant|'f' is not an ISO-8601 timestamp: 'yesterday'",
            "{\"f\":\"2024-01-02T03:04:05\"}|instant|'f' is not an ISO-8601 timestamp: '2024-01-02T03:04:05'",
            "{\"f\":\"123\"}|epochSeconds|'f' must be epoch seconds as a number, got the string '123'",
            "{\"f\":-1}|epochSeconds|'f' is not a plausible timestamp in epoch seconds: '-1'",
            "{\"f\":\"@@\"}|base64|'f' is not valid base64",
            "{\"f\":{\"a\":1}}|stringMap|'f.a' must be a string, got the number '1'",
    })
    void malformedFieldsFailWithMessagesNamingTheField(String parent, String reader, String message) {
        JsonNode node = json(parent);
        assertThatThrownBy(() -> read(reader, node))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith(WHERE + ": " + message);
    }

    private static Object read(String reader, JsonNode node) {
        return switch (reader) {
            case "object" -> JsonFields.requiredObject(node, "f", WHERE);
            case "array" -> JsonFields.requiredArray(node, "f", WHERE);
            case "text" -> JsonFields.optionalText(node, "f", WHERE);
            case "scalarText" -> JsonFields.optionalScalarText(node, "f", WHERE);
            case "long" -> JsonFields.optionalLong(node, "f", WHERE);
            case "int" -> JsonFields.optionalInt(node, "f", WHERE);
            case "boolean" -> JsonFields.optionalBoolean(node, "f", WHERE);
            case "instant" -> JsonFields.optionalInstant(node, "f", WHERE);
            case "epochSeconds" -> JsonFields.optionalEpochSeconds(node, "f", WHERE);
            case "base64" -> JsonFields.optionalBase64(node, "f", WHERE);
            case "stringMap" -> JsonFields.stringMap(node, "f", WHERE);
            default -> throw new IllegalArgumentException(reader);
        };
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"f\":42}|42", "{\"f\":\"42\"}|42", "{\"f\":\" -7 \"}|-7",
            "{\"f\":\"9223372036854775807\"}|9223372036854775807"})
    void wholeNumbersArriveAsNumbersOrDecimalStrings(String parent, long expected) {
        assertThat(JsonFields.optionalLong(json(parent), "f", WHERE)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"f\":true}|true", "{\"f\":\"false\"}|false", "{\"f\":\"TRUE\"}|true"})
    void booleansArriveAsBooleansOrTheirText(String parent, boolean expected) {
        assertThat(JsonFields.optionalBoolean(json(parent), "f", WHERE)).isEqualTo(expected);
    }

    @Test
    void scalarTextAcceptsNumbersAndBooleansAsTheirText() {
        JsonNode node = json("{\"n\":12,\"b\":false,\"s\":\"x\"}");

        assertThat(JsonFields.optionalScalarText(node, "n", WHERE)).isEqualTo("12");
        assertThat(JsonFields.optionalScalarText(node, "b", WHERE)).isEqualTo("false");
        assertThat(JsonFields.optionalScalarText(node, "s", WHERE)).isEqualTo("x");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024-01-02T03:04:05.678Z|2024-01-02T03:04:05.678Z",
            "2024-01-02T04:04:05+01:00|2024-01-02T03:04:05Z",
            "2024-01-02T03:04:05.123456789Z|2024-01-02T03:04:05.123456789Z"})
    void isoTimestampsWithOffsetParse(String text, String expected) {
        assertThat(JsonFields.parseInstant(text, "time", WHERE)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59Z", "2024-01-02T03:04:05-05:30", "2024-01-02T03:04:05.1+14:00",
            "1969-12-31T23:59:59.999999999Z", "2024-01-02T03:04+01:00", "2024-01-02T03:04:05.Z", "+12024-01-02T03:04:05Z",
            "2024-01-02T03:04:05.1234567891Z", "2024-01-02t03:04:05Z", "2023-02-29T00:00:00Z", "2024-01-02T24:00:00Z",
            "2024-01-02T03:04:60Z", "2024-13-02T03:04:05Z", "2024-01-02T03:04:05+19:00", "2024-01-02T03:04:05+18:00",
            "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-00-10T00:00:00Z",
            "2024-01-00T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-18:00"})
    void commonShapeParsesExactlyAsTheIsoFormatterDoes(String text) {
        Object expected;
        try {
            expected = java.time.OffsetDateTime.parse(text, java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (java.time.DateTimeException notIso) {
            expected = EventDecodingException.class;
        }
        Object actual;
        try {
            actual = JsonFields.parseInstant(text, "time", WHERE);
        } catch (EventDecodingException rejected) {
            actual = EventDecodingException.class;
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void firstLineKeepsTheFirstLineCutToTheLimit() {
        assertThat(JsonFields.firstLine("Unexpected character ('x')\n at [Source: ...]", 200))
                .isEqualTo("Unexpected character ('x')");
        assertThat(JsonFields.firstLine("abcdef", 3)).isEqualTo("abc...");
        assertThat(JsonFields.firstLine("abc", 3)).isEqualTo("abc");
        assertThat(JsonFields.firstLine(null, 3)).isEqualTo("malformed");
    }

    @Test
    void emptyTimestampReadsAsAbsent() {
        assertThat(JsonFields.optionalInstant(json("{\"time\":\"\"}"), "time", WHERE)).isNull();
    }

    @Test
    void epochSecondsKeepFractionsAndEpochMillisAcceptStrings() {
        JsonNode node = json("{\"s\":1700000000.25,\"ms\":\"1700000000250\"}");

        assertThat(JsonFields.optionalEpochSeconds(node, "s", WHERE)).isEqualTo(Instant.ofEpochMilli(1_700_000_000_250L));
        assertThat(JsonFields.optionalEpochMillis(node, "ms", WHERE)).isEqualTo(Instant.ofEpochMilli(1_700_000_000_250L));
    }

    @Test
    void base64DecodesStandardAlphabetIgnoringSurroundingWhitespace() {
        assertThat(JsonFields.base64(" aGVsbG8= \n", "data", WHERE)).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void base64FailureKeepsTheDecoderErrorAsCause() {
        assertThatThrownBy(() -> JsonFields.base64("a-b_", "data", WHERE))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("SQS record 3: 'data' is not valid base64: ")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stringMapKeepsDocumentOrderSkipsNullsAndIsUnmodifiable() {
        var map = JsonFields.stringMap(json("{\"m\":{\"b\":\"2\",\"n\":null,\"a\":\"1\"}}"), "m", WHERE);

        assertThat(map).containsExactly(java.util.Map.entry("b", "2"), java.util.Map.entry("a", "1"));
        assertThatThrownBy(() -> map.put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void longInputIsAbbreviatedInMessages() {
        String hostile = "x".repeat(10_000);

        assertThat(JsonFields.quote(hostile)).hasSize(80 + 5).startsWith("'xxx").endsWith("...'");
        assertThat(JsonFields.describe(json("{\"f\":\"" + hostile + "\"}").get("f"))).hasSizeLessThan(100);
        assertThat(JsonFields.abbreviate(null)).isEqualTo("null");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\"s\"|the string 's'", "7|the number '7'", "false|the boolean false",
            "[]|an array", "{}|an object", "null|null"})
    void describeNamesTheKindAndValue(String node, String expected) {
        assertThat(JsonFields.describe(json(node))).isEqualTo(expected);
    }

    @Test
    void describeOfNothingSaysSo() {
        assertThat(JsonFields.describe(null)).isEqualTo("nothing");
        assertThat(JsonFields.describe(MissingNode.getInstance())).isEqualTo("nothing");
    }

    @Test
    void failureMessagesQuotingInputCapItEscapeItAndLeaveOutCredentials() {
        EventDecodingException forged = JsonFields.wrongType("eventName", WHERE, "a known event name",
                json("{\"v\":\"ObjectCreated\\nERROR forged line " + "x".repeat(200) + "\"}").get("v"));
        EventDecodingException secret = JsonFields.wrongType("headers.x-auth-token", WHERE, "a string",
                json("{\"v\":12345678}").get("v"));

        assertThat(forged.getMessage()).doesNotContain("\n").contains("ObjectCreated\\nERROR forged line")
                .endsWith("...'").hasSizeLessThan(200);
        assertThat(secret.getMessage()).doesNotContain("12345678").contains("hidden");
    }
}
