package dev.portablefn.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the recorded GCP event data and wraps it into full CloudEvents and legacy events for tests. */
final class TestEvents {

    static final JacksonCodec CODEC = JacksonCodec.standard();

    private TestEvents() {
    }

    static JsonNode fixture(String name) {
        try (InputStream in = TestEvents.class.getResourceAsStream("/events/gcp/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return CODEC.readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A structured-mode CloudEvent 1.0 with JSON data. */
    static ObjectNode cloudEvent(String id, String source, String type, String subject, String time, JsonNode data) {
        ObjectNode event = CODEC.mapper().createObjectNode();
        event.put("specversion", "1.0").put("id", id).put("source", source).put("type", type);
        if (subject != null) {
            event.put("subject", subject);
        }
        if (time != null) {
            event.put("time", time);
        }
        event.put("datacontenttype", "application/json");
        event.set("data", data);
        return event;
    }

    /** A GA-format legacy background event: {"context": {...}, "data": ...}. */
    static ObjectNode legacyEvent(String eventId, String timestamp, String eventType, JsonNode resource, JsonNode data) {
        ObjectNode event = CODEC.mapper().createObjectNode();
        ObjectNode context = event.putObject("context");
        context.put("eventId", eventId).put("timestamp", timestamp).put("eventType", eventType);
        context.set("resource", resource);
        event.set("data", data);
        return event;
    }

    static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode json(String text) {
        try {
            return CODEC.readTree(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
