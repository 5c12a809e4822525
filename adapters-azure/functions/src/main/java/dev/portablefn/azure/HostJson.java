package dev.portablefn.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.runtime.internal.json.JsonFields;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON the Azure Functions host hands over: bindings and metadata given as JSON text inside strings,
 * property bags flattened into attributes, and message bodies that arrive as JSON values.
 */
final class HostJson {

    private HostJson() {
    }

    /** Parses JSON text the host handed over as a string (binding data, metadata). */
    static JsonNode parse(JacksonCodec codec, String json, String what) {
        if (json == null || json.isBlank()) {
            throw new EventDecodingException(what + " is empty; expected JSON");
        }
        return parse(codec, json.getBytes(StandardCharsets.UTF_8), what);
    }

    static JsonNode parse(JacksonCodec codec, byte[] json, String what) {
        if (json == null || json.length == 0) {
            throw new EventDecodingException(what + " is empty; expected JSON");
        }
        try {
            return codec.readTree(json);
        } catch (IOException e) {
            throw new EventDecodingException(what + " is not valid JSON: " + JsonFields.firstLine(e.getMessage(), 200), e);
        }
    }

    /**
     * Metadata arrives either as JSON values or as JSON text inside a string (the Java worker and the
     * custom-handler payload both do this), so objects and arrays are parsed out of strings.
     */
    static JsonNode structured(JacksonCodec codec, JsonNode node, String what) {
        if (node != null && node.isTextual()) {
            String text = node.textValue().trim();
            if (text.startsWith("{") || text.startsWith("[")) {
                return parse(codec, text, what);
            }
        }
        return node;
    }

    /** Flattens a JSON object of properties into string attributes; nested values keep their JSON text. */
    static Map<String, String> attributes(JsonNode properties, String where) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (properties == null || properties.isNull() || properties.isMissingNode()) {
            return attributes;
        }
        if (!properties.isObject()) {
            throw new EventDecodingException(where + " must be a JSON object of properties, got "
                    + JsonFields.describe(properties));
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
        String text = bodyText(value);
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /** @return a message body as text: a JSON string's value, any other JSON as written; {@code null} when absent */
    static String bodyText(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }
}
