package dev.portablefn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.doubles.gcp.FakeCloudEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads structured-mode CloudEvents 1.0 JSON into the event the Functions Framework hands a function. */
final class StructuredCloudEvents {

    private static final Set<String> CONTEXT_ATTRIBUTES = Set.of("specversion", "id", "source", "type",
            "datacontenttype", "dataschema", "subject", "time", "data", "data_base64");

    private StructuredCloudEvents() {
    }

    /** @see GcpEvents#cloudEvent(byte[]) */
    static FakeCloudEvent read(byte[] json) {
        JsonNode root;
        try {
            root = RawJson.MAPPER.readTree(json);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a structured CloudEvent: the JSON does not parse: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a structured CloudEvent: expected a JSON object");
        }
        String version = text(root, "specversion");
        if (version != null && !"1.0".equals(version)) {
            throw new IllegalArgumentException("CloudEvent 'specversion' " + version + " is not supported; use 1.0");
        }
        FakeCloudEvent.Builder event = FakeCloudEvent.builder().id(text(root, "id")).type(text(root, "type"))
                .subject(text(root, "subject")).dataContentType(text(root, "datacontenttype"))
                .dataSchema(text(root, "dataschema"));
        String source = text(root, "source");
        if (source != null) {
            event.source(source);
        }
        String time = text(root, "time");
        if (time != null) {
            event.time(parseTime(time));
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!CONTEXT_ATTRIBUTES.contains(field.getKey()) && !field.getValue().isNull()) {
                event.extension(field.getKey(), field.getValue().isTextual() ? field.getValue().textValue()
                        : field.getValue().toString());
            }
        }
        return event.data(data(root, text(root, "datacontenttype"))).build();
    }

    private static byte[] data(JsonNode root, String contentType) {
        JsonNode base64 = root.get("data_base64");
        if (base64 != null && !base64.isNull()) {
            try {
                return Base64.getDecoder().decode(base64.asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("CloudEvent 'data_base64' is not base64: " + e.getMessage(), e);
            }
        }
        JsonNode value = root.get("data");
        if (value == null || value.isNull()) {
            return null;
        }
        boolean jsonData = contentType == null || contentType.toLowerCase(Locale.ROOT).contains("json");
        return value.isTextual() && !jsonData ? value.textValue().getBytes(StandardCharsets.UTF_8)
                : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static OffsetDateTime parseTime(String time) {
        try {
            return OffsetDateTime.parse(time);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("CloudEvent 'time' is not RFC 3339: '" + time + "'", e);
        }
    }
}
