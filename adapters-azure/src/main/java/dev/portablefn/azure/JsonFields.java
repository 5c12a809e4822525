package dev.portablefn.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.json.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads fields of Azure payloads with errors that name the field: the one place the adapter parses
 * JSON text, timestamps and base64, so every decoder fails the same, classified way.
 */
final class JsonFields {

    private JsonFields() {
    }

    /** Parses JSON text the host handed over as a string (binding data, metadata). */
    static JsonNode parse(JsonCodec codec, String json, String what) {
        if (json == null || json.isBlank()) {
            throw new EventDecodingException(what + " is empty; expected JSON");
        }
        return parse(codec, json.getBytes(StandardCharsets.UTF_8), what);
    }

    static JsonNode parse(JsonCodec codec, byte[] json, String what) {
        if (json == null || json.length == 0) {
            throw new EventDecodingException(what + " is empty; expected JSON");
        }
        try {
            return codec.readTree(json);
        } catch (IOException e) {
            throw new EventDecodingException(what + " is not valid JSON: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Metadata arrives either as JSON values or as JSON text inside a string (the Java worker and the
     * custom-handler payload both do this), so objects and arrays are parsed out of strings.
     */
    static JsonNode structured(JsonCodec codec, JsonNode node, String what) {
        if (node != null && node.isTextual()) {
            String text = node.textValue().trim();
            if (text.startsWith("{") || text.startsWith("[")) {
                return parse(codec, text, what);
            }
        }
        return node;
    }

    static JsonNode object(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new EventDecodingException(what + " must be a JSON object, got " + kind(node));
        }
        return node;
    }

    static String requiredText(JsonNode parent, String field, String where) {
        String value = optionalText(parent, field, where);
        if (value == null || value.isEmpty()) {
            throw new EventDecodingException(where + ": '" + field + "' is missing or empty");
        }
        return value;
    }

    /** A string field; numbers and booleans are accepted as their text, objects and arrays are not. */
    static String optionalText(JsonNode parent, String field, String where) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        throw new EventDecodingException(where + ": '" + field + "' must be a string, got " + kind(value));
    }

    static Long optionalLong(JsonNode parent, String field, String where) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual()) {
            return parseLong(value.textValue(), field, where);
        }
        throw new EventDecodingException(where + ": '" + field + "' must be a whole number, got " + kind(value));
    }

    static long parseLong(String text, String field, String where) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty() || trimmed.length() > 20) {
            throw new EventDecodingException(where + ": '" + field + "' must be a whole number, got '" + abbreviate(text) + "'");
        }
        try {
            return Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            throw new EventDecodingException(where + ": '" + field + "' must be a whole number, got '" + abbreviate(text) + "'", e);
        }
    }

    static Boolean optionalBoolean(JsonNode parent, String field, String where) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && ("true".equalsIgnoreCase(value.textValue()) || "false".equalsIgnoreCase(value.textValue()))) {
            return Boolean.parseBoolean(value.textValue());
        }
        throw new EventDecodingException(where + ": '" + field + "' must be true or false, got " + kind(value));
    }

    static Instant optionalInstant(JsonNode parent, String field, String where) {
        return instant(optionalText(parent, field, where), field, where);
    }

    /**
     * Parses the timestamps Azure sends: ISO-8601 with an offset or {@code Z} (up to 7 fraction digits),
     * ISO-8601 without a zone (a .NET UTC {@code DateTime}), RFC 1123; a JSON-quoted value is unquoted.
     *
     * @return the instant, or {@code null} for null or blank text
     */
    static Instant instant(String text, String field, String where) {
        if (text == null) {
            return null;
        }
        String value = unquote(text.trim());
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > 64) {
            throw new EventDecodingException(where + ": '" + field + "' is not a timestamp: '" + abbreviate(value) + "'");
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException notOffset) {
            try {
                return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException notLocal) {
                try {
                    return OffsetDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                } catch (DateTimeException e) {
                    throw new EventDecodingException(where + ": '" + field + "' is not an ISO-8601 timestamp: '"
                            + abbreviate(value) + "'", e);
                }
            }
        }
    }

    /** The Java worker hands DateTime metadata to a String parameter as JSON text, quotes included. */
    static String unquote(String text) {
        if (text != null && text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    static byte[] base64(String text, String field, String where) {
        try {
            return Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new EventDecodingException(where + ": '" + field + "' is not valid base64: " + e.getMessage(), e);
        }
    }

    /** Flattens a JSON object of properties into string attributes; nested values keep their JSON text. */
    static Map<String, String> attributes(JsonNode properties, String where) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (properties == null || properties.isNull() || properties.isMissingNode()) {
            return attributes;
        }
        if (!properties.isObject()) {
            throw new EventDecodingException(where + " must be a JSON object of properties, got " + kind(properties));
        }
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value == null || value.isNull()) {
                continue;
            }
            attributes.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
        }
        return attributes;
    }

    /** The bytes of a message body that reached us as a JSON value: text as UTF-8, anything else as its JSON. */
    static byte[] bodyBytes(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue().getBytes(StandardCharsets.UTF_8);
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
