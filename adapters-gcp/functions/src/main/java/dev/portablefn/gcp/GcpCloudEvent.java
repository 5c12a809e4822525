package dev.portablefn.gcp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.runtime.internal.json.JsonFields;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One CloudEvent, whichever way it arrived (structured JSON, binary-mode headers through the
 * framework's SDK object, or converted from a legacy background event): the attributes, and the
 * data either as an already-parsed JSON tree or as bytes.
 *
 * @param id              the event id
 * @param source          the source URI reference
 * @param type            the event type
 * @param subject         the subject, or {@code null}
 * @param time            the event time, or {@code null}
 * @param dataContentType the data's media type, or {@code null}
 * @param extensions      extension attributes as strings
 * @param jsonData        the data when it arrived as JSON, or {@code null}
 * @param binaryData      the data when it arrived as bytes, or {@code null}
 * @param nativeEvent     what the provider delivered, for {@code Event.unwrap}
 */
record GcpCloudEvent(String id, String source, String type, String subject, Instant time, String dataContentType,
                     Map<String, String> extensions, JsonNode jsonData, byte[] binaryData, Object nativeEvent) {

    GcpCloudEvent {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** @return how error messages name this event */
    String describe() {
        return "CloudEvent " + id + " (" + type + ")";
    }

    /** @param kind what the event is, such as {@code "Pub/Sub"} @return how error messages name it, built in one go */
    String describe(String kind) {
        return kind + " CloudEvent " + id + " (" + type + ")";
    }

    boolean hasData() {
        return jsonData != null || binaryData != null;
    }

    boolean isJson() {
        return isJson(dataContentType);
    }

    /** A missing content type counts as JSON: Eventarc and the Functions Framework omit it for JSON data. */
    static boolean isJson(String contentType) {
        return contentType == null || contentType.isBlank() || contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    /**
     * @return the data as a JSON tree, parsing bytes when needed
     * @throws EventDecodingException if there is no data or it is not JSON
     */
    JsonNode json(JacksonCodec codec) {
        if (jsonData != null) {
            return jsonData;
        }
        byte[] bytes = requireData();
        try {
            return codec.readTree(bytes);
        } catch (IOException | RuntimeException notJson) {
            throw notJson(notJson);
        }
    }

    /**
     * @return the data read as a Pub/Sub push envelope, streamed from the bytes or from the tree it arrived as
     * @throws EventDecodingException if there is no data, it is not JSON, or it is not such an envelope
     */
    PubSubEnvelope pubSubEnvelope(JacksonCodec codec) {
        ObjectMapper mapper = codec.mapper();
        byte[] bytes = jsonData == null ? requireData() : null;
        try (JsonParser parser = bytes == null ? mapper.treeAsTokens(jsonData) : mapper.createParser(bytes)) {
            return PubSubEnvelope.read(parser, mapper, describe("Pub/Sub"), describe(), time == null);
        } catch (EventDecodingException notAnEnvelope) {
            throw notAnEnvelope;
        } catch (IOException | RuntimeException notJson) {
            throw notJson(notJson);
        }
    }

    private byte[] requireData() {
        if (binaryData == null || binaryData.length == 0) {
            throw new EventDecodingException(describe() + ": 'data' is missing");
        }
        return binaryData;
    }

    private EventDecodingException notJson(Exception cause) {
        return new EventDecodingException(describe() + ": 'data' is not valid JSON: " + firstLine(cause.getMessage()),
                cause);
    }

    static String firstLine(String message) {
        return message == null ? "no details" : JsonFields.firstLine(message, 80);
    }
}
