package dev.portablefn.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.runtime.internal.json.JsonFields;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The timestamps Azure sends: ISO-8601 with an offset or {@code Z} (up to 7 fraction digits), ISO-8601
 * without a zone (a .NET UTC {@code DateTime}) and RFC 1123, possibly as JSON-quoted text.
 */
final class AzureTimestamps {

    private static final int MAX_LENGTH = 64;

    private AzureTimestamps() {
    }

    /** @return the timestamp at {@code field} (a string, or a scalar's text), or {@code null} when absent or blank */
    static Instant optionalInstant(JsonNode parent, String field, String where) {
        return instant(JsonFields.optionalScalarText(parent, field, where), field, where);
    }

    /** @return the instant, or {@code null} for null or blank text */
    static Instant instant(String text, String field, String where) {
        if (text == null) {
            return null;
        }
        String value = unquote(text.trim());
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_LENGTH) {
            throw JsonFields.notIsoTimestamp(value, field, where, null);
        }
        try {
            return JsonFields.parseInstant(value, field, where);
        } catch (EventDecodingException notOffset) {
            try {
                return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException notLocal) {
                try {
                    return OffsetDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                } catch (DateTimeException e) {
                    throw JsonFields.notIsoTimestamp(value, field, where, e);
                }
            }
        }
    }

    /** The Java worker hands DateTime metadata to a String parameter as JSON text, quotes included. */
    private static String unquote(String text) {
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }
}
