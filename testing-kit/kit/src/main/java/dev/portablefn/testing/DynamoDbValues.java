package dev.portablefn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

/** Writes plain JSON as DynamoDB's typed attribute values, the encoding DynamoDB Streams records carry items in. */
final class DynamoDbValues {

    private DynamoDbValues() {
    }

    /**
     * @param document a JSON object (an item or its key)
     * @return the item as a map of attribute names to typed values
     * @throws IllegalArgumentException when the document is not a JSON object
     */
    static ObjectNode item(JsonNode document) {
        if (!document.isObject()) {
            throw new IllegalArgumentException("a DynamoDB item must be a JSON object, got " + document.getNodeType());
        }
        ObjectNode item = RawJson.object();
        for (Map.Entry<String, JsonNode> field : document.properties()) {
            item.set(field.getKey(), value(field.getValue()));
        }
        return item;
    }

    private static ObjectNode value(JsonNode value) {
        ObjectNode typed = RawJson.object();
        switch (value.getNodeType()) {
            case STRING -> typed.put("S", value.textValue());
            case NUMBER -> typed.put("N", value.asText());
            case BOOLEAN -> typed.put("BOOL", value.booleanValue());
            case NULL, MISSING -> typed.put("NULL", true);
            case OBJECT -> typed.set("M", item(value));
            case ARRAY -> {
                ArrayNode list = typed.putArray("L");
                value.forEach(element -> list.add(value(element)));
            }
            case BINARY -> typed.put("B", Base64.getEncoder().encodeToString(binary(value)));
            default -> throw new IllegalArgumentException("no DynamoDB attribute value for " + value.getNodeType());
        }
        return typed;
    }

    private static byte[] binary(JsonNode value) {
        try {
            return value.binaryValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
