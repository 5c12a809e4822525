package dev.portablefn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Writes plain JSON documents as Firestore {@code Document}s: typed values ({@code stringValue}, {@code mapValue}...). */
final class FirestoreDocuments {

    private FirestoreDocuments() {
    }

    /**
     * @param name     the document's full resource name ({@code projects/P/databases/D/documents/C/ID})
     * @param document the document's fields: a JSON object or anything Jackson writes as one
     * @param time     its create and update time, RFC 3339
     * @return the {@code Document}
     * @throws IllegalArgumentException when the document is not a JSON object
     */
    static ObjectNode document(String name, Object document, String time) {
        JsonNode fields = RawJson.MAPPER.valueToTree(document);
        if (!fields.isObject()) {
            throw new IllegalArgumentException("a Firestore document must be a JSON object, got " + fields.getNodeType());
        }
        ObjectNode out = RawJson.object();
        out.put("name", name);
        out.set("fields", fields(fields));
        out.put("createTime", time);
        out.put("updateTime", time);
        return out;
    }

    private static ObjectNode fields(JsonNode object) {
        ObjectNode fields = RawJson.object();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            fields.set(field.getKey(), value(field.getValue()));
        }
        return fields;
    }

    private static ObjectNode value(JsonNode value) {
        ObjectNode typed = RawJson.object();
        switch (value.getNodeType()) {
            case STRING -> typed.put("stringValue", value.textValue());
            case NUMBER -> {
                if (value.isIntegralNumber()) {
                    typed.put("integerValue", value.asText());   // int64 travels as a string in proto JSON
                } else {
                    typed.put("doubleValue", value.doubleValue());
                }
            }
            case BOOLEAN -> typed.put("booleanValue", value.booleanValue());
            case NULL, MISSING -> typed.putNull("nullValue");
            case OBJECT -> typed.putObject("mapValue").set("fields", fields(value));
            case ARRAY -> {
                ArrayNode values = typed.putObject("arrayValue").putArray("values");
                value.forEach(element -> values.add(value(element)));
            }
            default -> throw new IllegalArgumentException("no Firestore value for " + value.getNodeType());
        }
        return typed;
    }
}
