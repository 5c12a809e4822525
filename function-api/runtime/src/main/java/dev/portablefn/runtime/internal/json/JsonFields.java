package dev.portablefn.runtime.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.http.Redaction;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads fields of provider JSON with errors that name the field and where it is, for adapters.
 *
 * <p>Every reader takes the parent node, the field name and {@code where} (such as {@code "SQS record 3"}),
 * and either returns a value of the promised type or throws {@link EventDecodingException} with a message
 * like {@code "SQS record 3: 'body' must be a string, got the number '5'"}; none throws a
 * NullPointerException or ClassCastException. {@code optional…} readers return {@code null} when the field
 * is absent or JSON null (and when the parent itself is {@code null} or missing); {@code required…} readers
 * throw {@link #missing(String, String)} instead.
 */
public final class JsonFields {

    /** Longest input quoted back in an error message; hostile input must not blow up logs. */
    private static final int QUOTE_LIMIT = 80;
    /** Epoch seconds beyond year 9999 are not timestamps any provider sends. */
    private static final BigDecimal MAX_EPOCH_SECONDS = BigDecimal.valueOf(253_402_300_799L);
    /** Longer text is not a timestamp; parsing it would only waste time on hostile input. */
    private static final int MAX_TIMESTAMP_LENGTH = 64;

    private JsonFields() {
    }

    // ---- text ----

    /**
     * @return the string at {@code field}, or {@code null} when absent
     * @throws EventDecodingException when the field holds anything but a string
     */
    public static String optionalText(JsonNode parent, String field, String where) {
        JsonNode node = child(parent, field);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(field, where, "a string", node);
        }
        return node.textValue();
    }

    /**
     * @return the string at {@code field}, possibly empty
     * @throws EventDecodingException when the field is absent or not a string
     */
    public static String requiredText(JsonNode parent, String field, String where) {
        String value = optionalText(parent, field, where);
        if (value == null) {
            throw missing(field, where);
        }
        return value;
    }

    /**
     * @return the non-empty string at {@code field}
     * @throws EventDecodingException when the field is absent, empty or not a string
     */
    public static String requiredNonEmptyText(JsonNode parent, String field, String where) {
        return requireNonEmpty(optionalText(parent, field, where), field, where);
    }

    /**
     * Reads a field some providers send as a string and others as a number or boolean: scalars are
     * returned as their text, objects and arrays are rejected.
     *
     * @return the text, or {@code null} when absent
     */
    public static String optionalScalarText(JsonNode parent, String field, String where) {
        JsonNode node = child(parent, field);
        if (node == null) {
            return null;
        }
        if (!node.isValueNode()) {
            throw wrongType(field, where, "a string", node);
        }
        return node.asText();
    }

    /**
     * @return {@code value} when it is neither {@code null} nor empty
     * @throws EventDecodingException naming {@code field} otherwise
     */
    public static String requireNonEmpty(String value, String field, String where) {
        if (value == null || value.isEmpty()) {
            throw new EventDecodingException(where + ": '" + field + "' is missing or empty");
        }
        return value;
    }

    // ---- objects and arrays ----

    /**
     * Checks that a whole payload or element is a JSON object.
     *
     * @param what names the node, such as {@code "Timer trigger TimerInfo"}
     * @return {@code node}
     * @throws EventDecodingException {@code "<what> must be a JSON object, got <actual described>"} otherwise
     */
    public static JsonNode requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new EventDecodingException(what + " must be a JSON object, got " + describe(node));
        }
        return node;
    }

    /** @return the object at {@code field}, or {@code null} when absent */
    public static JsonNode optionalObject(JsonNode parent, String field, String where) {
        JsonNode node = child(parent, field);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType(field, where, "an object", node);
        }
        return node;
    }

    /** @return the object at {@code field}; absent or of another type is an {@link EventDecodingException} */
    public static JsonNode requiredObject(JsonNode parent, String field, String where) {
        JsonNode node = optionalObject(parent, field, where);
        if (node == null) {
            throw missing(field, where);
        }
        return node;
    }

    /** @return the array at {@code field}, or {@code null} when absent */
    public static JsonNode optionalArray(JsonNode parent, String field, String where) {
        JsonNode node = child(parent, field);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw wrongType(field, where, "an array", node);
        }
        return node;
    }

    /** @return the array at {@code field}; absent or of another type is an {@link EventDecodingException} */
    public static JsonNode requiredArray(JsonNode parent, String field, String where) {
        JsonNode node = optionalArray(parent, field, where);
        if (node == null) {
            throw missing(field, where);
        }
        return node;
    }

    /**
     * Reads an object whose values are all strings, such as message attributes or HTTP headers;
     * entries whose value is JSON null are skipped.
     *
     * @return an unmodifiable map in document order, empty when the field is absent
     */
    public static Map<String, String> stringMap(JsonNode parent, String field, String where) {
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
                throw wrongType(field + "." + entry.getKey(), where, "a string", value);
            }
            values.put(entry.getKey(), value.textValue());
        }
        return Collections.unmodifiableMap(values);
    }

    // ---- numbers and booleans ----

    /**
     * Reads a whole number given as a JSON number or as a decimal string (SQS attributes and proto3 JSON
     * int64 values arrive as strings).
     *
     * @return the number, or {@code null} when absent
     */
    public static Long optionalLong(JsonNode parent, String field, String where) {
        return longValue(child(parent, field), field, where);
    }

    /**
     * Like {@link #optionalLong} for a value already in hand.
     *
     * @param node the value, or {@code null}
     * @return the number, or {@code null} when {@code node} is {@code null} or JSON null
     */
    public static Long longValue(JsonNode node, String field, String where) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            return parseLong(node.textValue(), field, where);
        }
        throw wrongType(field, where, "a whole number", node);
    }

    /**
     * Parses a whole number from text, ignoring surrounding whitespace.
     *
     * @throws EventDecodingException naming {@code field} when the text is not a whole number that fits a long
     */
    public static long parseLong(String text, String field, String where) {
        String trimmed = text == null ? "" : text.trim();
        // A long has at most 19 digits and a sign; longer text is rejected before parsing.
        if (!trimmed.isEmpty() && trimmed.length() <= 20) {
            try {
                return Long.parseLong(trimmed);
            } catch (NumberFormatException notANumber) {
                // reported below
            }
        }
        throw new EventDecodingException(where + ": '" + field + "' must be a whole number, got "
                + (text == null ? "nothing" : "the string " + quote(text)));
    }

    /**
     * Like {@link #optionalLong} for fields that must fit an {@code int}.
     *
     * @return the number, or {@code null} when absent
     */
    public static Integer optionalInt(JsonNode parent, String field, String where) {
        return intValue(child(parent, field), field, where);
    }

    /**
     * Like {@link #optionalInt} for a value already in hand.
     *
     * @param node the value, or {@code null}
     * @return the number, or {@code null} when {@code node} is {@code null} or JSON null
     */
    public static Integer intValue(JsonNode node, String field, String where) {
        Long value = longValue(node, field, where);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new EventDecodingException(where + ": '" + field + "' is out of range: " + value);
        }
        return value.intValue();
    }

    /**
     * Reads a boolean given as JSON {@code true}/{@code false} or as the string {@code "true"} or
     * {@code "false"} in any case (some test tools and hosts send strings).
     *
     * @return the value, or {@code null} when absent
     */
    public static Boolean optionalBoolean(JsonNode parent, String field, String where) {
        JsonNode node = child(parent, field);
        if (node == null) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && ("true".equalsIgnoreCase(node.textValue()) || "false".equalsIgnoreCase(node.textValue()))) {
            return Boolean.parseBoolean(node.textValue());
        }
        throw wrongType(field, where, "true or false", node);
    }

    // ---- timestamps ----

    /**
     * Reads an ISO-8601 timestamp with an offset or {@code Z} (RFC 3339), such as
     * {@code 2024-01-02T03:04:05.678Z}.
     *
     * @return the instant, or {@code null} when absent or empty
     */
    public static Instant optionalInstant(JsonNode parent, String field, String where) {
        return parseInstant(optionalText(parent, field, where), field, where);
    }

    /**
     * Parses an ISO-8601 timestamp with an offset or {@code Z}.
     *
     * @return the instant, or {@code null} for {@code null} or empty text
     * @throws EventDecodingException naming {@code field} when the text is not such a timestamp
     */
    public static Instant parseInstant(String text, String field, String where) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.length() <= MAX_TIMESTAMP_LENGTH) {
            Instant simple = IsoTimestamps.parseCommonShape(text);
            if (simple != null) {
                return simple;
            }
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeException notATimestamp) {
                throw notIsoTimestamp(text, field, where, notATimestamp);
            }
        }
        throw notIsoTimestamp(text, field, where, null);
    }

    /**
     * The error for text that is not an ISO-8601 timestamp, for adapters that accept further formats
     * before giving up.
     */
    public static EventDecodingException notIsoTimestamp(String text, String field, String where, Throwable cause) {
        return new EventDecodingException(where + ": '" + field + "' is not an ISO-8601 timestamp: " + quote(text), cause);
    }

    /**
     * Reads epoch seconds given as a JSON number, possibly fractional (Kinesis, DynamoDB Streams).
     *
     * @return the instant, or {@code null} when absent
     */
    public static Instant optionalEpochSeconds(JsonNode parent, String field, String where) {
        JsonNode node = child(parent, field);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            throw wrongType(field, where, "epoch seconds as a number", node);
        }
        // A number too large for a double arrives as infinity, which has no decimal value.
        BigDecimal seconds = node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue()) ? null : node.decimalValue();
        if (seconds == null || seconds.signum() < 0 || seconds.compareTo(MAX_EPOCH_SECONDS) > 0) {
            throw new EventDecodingException(where + ": '" + field + "' is not a plausible timestamp in epoch seconds: "
                    + quote(node.asText()));
        }
        long whole = seconds.longValue();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    /**
     * Reads epoch milliseconds given as a JSON number or a decimal string (SQS {@code SentTimestamp}).
     *
     * @return the instant, or {@code null} when absent
     */
    public static Instant optionalEpochMillis(JsonNode parent, String field, String where) {
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

    // ---- base64 ----

    /**
     * Decodes standard base64 (RFC 4648, with padding), ignoring surrounding whitespace.
     *
     * @throws EventDecodingException naming {@code field} when the text is not valid base64
     */
    public static byte[] base64(String text, String field, String where) {
        if (text == null) {
            throw missing(field, where);
        }
        try {
            return Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new EventDecodingException(where + ": '" + field + "' is not valid base64: " + notBase64.getMessage(),
                    notBase64);
        }
    }

    /** @return the decoded bytes of the base64 string at {@code field}, or {@code null} when absent */
    public static byte[] optionalBase64(JsonNode parent, String field, String where) {
        String text = optionalText(parent, field, where);
        return text == null ? null : base64(text, field, where);
    }

    // ---- errors ----

    /** @return the error for a required field that is absent: {@code "where: 'field' is missing"} */
    public static EventDecodingException missing(String field, String where) {
        return new EventDecodingException(where + ": '" + field + "' is missing");
    }

    /**
     * @param expected what the field must be, with its article: {@code "a string"}, {@code "an object"}
     * @return the error {@code "where: 'field' must be <expected>, got <actual described>"}
     */
    public static EventDecodingException wrongType(String field, String where, String expected, JsonNode actual) {
        // Messages end up in logs: a value under a credential's name (headers.authorization, a token) is not quoted.
        String got = Redaction.marksCredential(lastSegment(field)) && actual != null && actual.isValueNode()
                ? "a value (hidden: the field holds a credential)" : describe(actual);
        return new EventDecodingException(where + ": '" + field + "' must be " + expected + ", got " + got);
    }

    private static String lastSegment(String field) {
        int dot = field.lastIndexOf('.');
        String last = dot < 0 ? field : field.substring(dot + 1);
        return last.endsWith("[]") ? last.substring(0, last.length() - 2) : last;
    }

    /**
     * Describes a node for an error message: {@code the string 'abc'}, {@code the number '5'},
     * {@code the boolean true}, {@code an array}, {@code an object}, {@code null}; Java {@code null} or a
     * missing node is {@code nothing}. Quoted values are abbreviated.
     */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case STRING -> "the string " + quote(node.textValue());
            case NUMBER -> "the number " + quote(node.asText());
            case BOOLEAN -> "the boolean " + node.booleanValue();
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * The first line of a parser's exception message, for an error message of our own: parsers quote the offending
     * input, which can be long.
     *
     * @param message the exception's message, may be {@code null}
     * @param limit   the most characters kept; {@code ...} marks a cut
     * @return that line, or {@code "malformed"} when there is no message
     */
    public static String firstLine(String message, int limit) {
        if (message == null) {
            return "malformed";
        }
        int newline = message.indexOf('\n');
        return Redaction.forLog(newline < 0 ? message : message.substring(0, newline), limit);
    }

    /**
     * @return {@code text} cut to a length fit for an error message, with {@code ...} when cut, and its control
     *         characters escaped so it stays on one log line (see {@link Redaction#forLog}); {@code "null"} for null
     */
    public static String abbreviate(String text) {
        return Redaction.forLog(text, QUOTE_LIMIT);
    }

    /** @return {@code text} abbreviated and in single quotes, for error messages */
    public static String quote(String text) {
        return "'" + abbreviate(text) + "'";
    }

    /** Absent, JSON null and missing all read as {@code null}, and so does any field of an absent parent. */
    private static JsonNode child(JsonNode parent, String field) {
        if (parent == null) {
            return null;
        }
        JsonNode node = parent.get(field);
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }
}
