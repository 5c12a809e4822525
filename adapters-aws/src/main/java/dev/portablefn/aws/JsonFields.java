package dev.portablefn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.EventDecodingException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads fields of AWS event trees with errors that name where the field is and what was wrong.
 * Every accessor either returns a value of the promised type or throws {@link EventDecodingException};
 * none returns a node of an unexpected type, so callers never see a ClassCastException or NPE.
 */
final class JsonFields {

    /** Longest input quoted back in an error message; hostile input must not blow up logs. */
    private static final int QUOTE_LIMIT = 80;
    /** Epoch seconds beyond year 9999 are not timestamps AWS sends. */
    private static final BigDecimal MAX_EPOCH_SECONDS = BigDecimal.valueOf(253_402_300_799L);

    private JsonFields() {
    }

    static String text(JsonNode parent, String field, String where) {
        String value = optionalText(parent, field, where);
        if (value == null) {
            throw missing(field, where);
        }
        return value;
    }

    static String optionalText(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(field, where, "a string", node);
        }
        return node.textValue();
    }

    static JsonNode object(JsonNode parent, String field, String where) {
        JsonNode node = optionalObject(parent, field, where);
        if (node == null) {
            throw missing(field, where);
        }
        return node;
    }

    static JsonNode optionalObject(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType(field, where, "an object", node);
        }
        return node;
    }

    static JsonNode array(JsonNode parent, String field, String where) {
        JsonNode node = optionalArray(parent, field, where);
        if (node == null) {
            throw missing(field, where);
        }
        return node;
    }

    static JsonNode optionalArray(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw wrongType(field, where, "an array", node);
        }
        return node;
    }

    static boolean flag(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        // Some test tools send "true"/"false" as strings; accept exactly those.
        if (node.isTextual() && ("true".equals(node.textValue()) || "false".equals(node.textValue()))) {
            return Boolean.parseBoolean(node.textValue());
        }
        throw wrongType(field, where, "a boolean", node);
    }

    /** A whole number given as a JSON number or a numeric string (SQS sends counts as strings). */
    static Long optionalLong(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            String text = node.textValue().trim();
            if (!text.isEmpty() && text.length() <= 19 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Long.parseLong(text);
            }
        }
        throw wrongType(field, where, "a whole number", node);
    }

    /** Epoch seconds, possibly fractional (Kinesis, DynamoDB Streams). */
    static Instant optionalEpochSeconds(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw wrongType(field, where, "epoch seconds as a number", node);
        }
        BigDecimal seconds = node.decimalValue();
        if (seconds.signum() < 0 || seconds.compareTo(MAX_EPOCH_SECONDS) > 0) {
            throw new EventDecodingException(where + ": '" + field + "' is not a plausible timestamp in epoch seconds: "
                    + quote(node.asText()));
        }
        long whole = seconds.longValue();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    /** Epoch milliseconds given as a string (SQS SentTimestamp). */
    static Instant optionalEpochMillis(JsonNode parent, String field, String where) {
        Long millis = optionalLong(parent, field, where);
        if (millis == null) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(millis);
        } catch (DateTimeException e) {
            throw new EventDecodingException(where + ": '" + field + "' is not a timestamp in epoch milliseconds: " + millis, e);
        }
    }

    static Instant optionalIsoInstant(JsonNode parent, String field, String where) {
        String text = optionalText(parent, field, where);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new EventDecodingException(where + ": '" + field + "' is not an ISO-8601 timestamp: " + quote(text), e);
        }
    }

    static byte[] base64(String value, String field, String where) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new EventDecodingException(where + ": '" + field + "' is not valid base64: " + e.getMessage(), e);
        }
    }

    static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** A map of string values; entries whose value is null are skipped. */
    static Map<String, String> stringMap(JsonNode parent, String field, String where) {
        JsonNode node = optionalObject(parent, field, where);
        Map<String, String> values = new LinkedHashMap<>();
        if (node == null) {
            return values;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isTextual()) {
                throw wrongType(field + "." + entry.getKey(), where, "a string", value);
            }
            values.put(entry.getKey(), value.textValue());
        }
        return values;
    }

    static EventDecodingException missing(String field, String where) {
        return new EventDecodingException(where + ": '" + field + "' is missing");
    }

    static EventDecodingException wrongType(String field, String where, String expected, JsonNode actual) {
        return new EventDecodingException(where + ": '" + field + "' must be " + expected + ", got "
                + describe(actual));
    }

    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "the string " + quote(node.textValue());
            case NUMBER -> "the number " + quote(node.asText());
            case BOOLEAN -> "the boolean " + node.booleanValue();
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    static String quote(String text) {
        return text.length() <= QUOTE_LIMIT ? "'" + text + "'" : "'" + text.substring(0, QUOTE_LIMIT) + "...'";
    }
}
