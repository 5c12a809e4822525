package dev.portablefn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.event.DocumentChange;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.http.HttpHeaders;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.QueryParameters;
import dev.portablefn.runtime.internal.Decoded;
import dev.portablefn.runtime.json.JacksonCodec;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The CLI's portable JSON view of decoded events, HTTP requests and results (the shape of issue 4). */
final class PortableJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PortableJson() {
    }

    static ArrayNode of(Decoded decoded) {
        ArrayNode array = NODES.arrayNode();
        if (decoded instanceof Decoded.Http http) {
            array.add(request(http.request()));
        } else if (decoded instanceof Decoded.Events events) {
            for (Event<?> event : events.events()) {
                array.add(event(event));
            }
        }
        return array;
    }

    static ObjectNode request(HttpRequest request) {
        ObjectNode node = NODES.objectNode();
        node.put("trigger", "HTTP");
        node.put("method", request.method());
        node.put("path", request.path());
        node.set("query", query(request.query()));
        node.set("headers", headers(request.headers()));
        node.put("body", request.bodyLength() == 0 ? null : request.bodyAsString());
        return node;
    }

    static ObjectNode event(Event<?> event) {
        ObjectNode node = NODES.objectNode();
        node.put("trigger", event.trigger().name());
        node.put("id", event.id());
        node.put("source", event.source());
        node.put("type", event.type());
        node.put("subject", event.subject().orElse(null));
        node.put("time", event.time().map(Object::toString).orElse(null));
        ObjectNode attributes = node.putObject("attributes");
        event.attributes().forEach(attributes::put);
        node.set("data", data(event.data()));
        return node;
    }

    static JsonNode data(Object data) {
        ObjectMapper mapper = JacksonCodec.standard().mapper();
        if (data == null) {
            return NODES.nullNode();
        }
        if (data instanceof byte[] bytes) {
            return bytes(bytes);
        }
        if (data instanceof JsonNode json) {
            return json;
        }
        if (data instanceof String text) {
            return NODES.textNode(text);
        }
        if (data instanceof StorageObject object) {
            ObjectNode node = NODES.objectNode();
            node.put("bucket", object.bucket());
            node.put("key", object.key());
            node.put("size", object.size());
            node.put("contentType", object.contentType());
            node.put("etag", object.etag());
            node.put("change", object.change().name());
            return node;
        }
        if (data instanceof ScheduleTick tick) {
            ObjectNode node = NODES.objectNode();
            node.put("scheduledTime", tick.scheduledTime().toString());
            node.put("scheduleName", tick.scheduleName());
            return node;
        }
        if (data instanceof DocumentChange<?> change) {
            ObjectNode node = NODES.objectNode();
            node.put("collection", change.collection());
            node.set("key", mapper.valueToTree(change.key()));
            node.set("before", data(change.before()));
            node.set("after", data(change.after()));
            node.put("kind", change.kind().name());
            return node;
        }
        return mapper.valueToTree(data);
    }

    /** JSON bodies as JSON, UTF-8 text as a string, anything else as base64 text. */
    static JsonNode bytes(byte[] bytes) {
        try {
            JsonNode tree = JacksonCodec.standard().readTree(bytes);
            if (tree != null && (tree.isObject() || tree.isArray())) {
                return tree;
            }
        } catch (java.io.IOException | RuntimeException notJson) {
            // not JSON: fall through to text
        }
        try {
            return NODES.textNode(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException binary) {
            return NODES.textNode("base64:" + Base64.getEncoder().encodeToString(bytes));
        }
    }

    static ObjectNode headers(HttpHeaders headers) {
        ObjectNode node = NODES.objectNode();
        headers.asMap().forEach((name, values) -> {
            ArrayNode array = node.withArray(name.toLowerCase(Locale.ROOT));
            values.forEach(array::add);
        });
        return node;
    }

    static ObjectNode query(QueryParameters query) {
        ObjectNode node = NODES.objectNode();
        for (Map.Entry<String, List<String>> entry : query.asMap().entrySet()) {
            ArrayNode array = node.putArray(entry.getKey());
            entry.getValue().forEach(array::add);
        }
        return node;
    }
}
