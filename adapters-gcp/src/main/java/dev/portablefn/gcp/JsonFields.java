package dev.portablefn.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.EventDecodingException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Typed reads of JSON fields that fail with an {@link EventDecodingException} naming the event and the
 * field, so a mistyped or missing field never surfaces as a NullPointerException or ClassCastException.
 */
final class JsonFields {

    private JsonFields() {
    }

    /** @return the object at {@code field}, or {@code null} when absent or JSON null */
    static JsonNode optionalObject(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType(where, field, "an object", node);
        }
        return node;
    }

    static JsonNode requiredObject(JsonNode parent, String field, String where) {
        JsonNode node = optionalObject(parent, field, where);
        if (node == null) {
            throw new EventDecodingException(where + ": '" + field + "' is missing; it must be an object");
        }
        return node;
    }

    /** @return the text at {@code field}, or {@code null} when absent or JSON null */
    static String optionalText(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(where, field, "a string", node);
        }
        return node.textValue();
    }

    static String requiredText(JsonNode parent, String field, String where) {
        String value = optionalText(parent, field, where);
        if (value == null || value.isEmpty()) {
            throw new EventDecodingException(where + ": '" + field + "' is missing; it must be a non-empty string");
        }
        return value;
    }

    /** Reads a number that Google APIs send either as a JSON number or as a decimal string (int64 in proto3 JSON). */
    static Long optionalLong(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.textValue().trim());
            } catch (NumberFormatException notANumber) {
                throw new EventDecodingException(where + ": '" + field + "' must be a whole number, got \""
                        + abbreviate(node.textValue()) + "\"");
            }
        }
        throw wrongType(where, field, "a whole number or a decimal string", node);
    }

    static Integer optionalInt(JsonNode parent, String field, String where) {
        Long value = optionalLong(parent, field, where);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new EventDecodingException(where + ": '" + field + "' is out of range: " + value);
        }
        return value.intValue();
    }

    static Instant optionalTime(JsonNode parent, String field, String where) {
        return parseTime(optionalText(parent, field, where), field, where);
    }

    /** Parses an RFC 3339 timestamp, the format of CloudEvent {@code time} and of Google API timestamps. */
    static Instant parseTime(String value, String field, String where) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notATime) {
            throw new EventDecodingException(where + ": '" + field + "' is not an RFC 3339 timestamp: \""
                    + abbreviate(value) + "\"");
        }
    }

    static byte[] base64(String value, String field, String where) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            throw new EventDecodingException(where + ": '" + field + "' is not valid base64: " + notBase64.getMessage());
        }
    }

    /** Reads an object whose values are all strings, such as Pub/Sub attributes or object metadata. */
    static Map<String, String> stringMap(JsonNode parent, String field, String where) {
        JsonNode node = optionalObject(parent, field, where);
        if (node == null) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isTextual()) {
                throw wrongType(where, field + "." + entry.getKey(), "a string", value);
            }
            values.put(entry.getKey(), value.textValue());
        }
        return values;
    }

    static EventDecodingException wrongType(String where, String field, String expected, JsonNode actual) {
        return new EventDecodingException(where + ": '" + field + "' must be " + expected + ", got "
                + describe(actual));
    }

    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "...";
    }
}
