package dev.portablefn.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.runtime.internal.json.JsonFields;
import java.util.Iterator;
import java.util.Map;

/**
 * Converts Firestore's typed value maps ({@code {"integerValue": "4"}}, {@code {"mapValue": {"fields": ...}}})
 * into plain JSON ({@code 4}, {@code {...}}), the shape a user's document class binds from.
 */
final class FirestoreValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FirestoreValues() {
    }

    /**
     * @param document a Firestore {@code Document} ({@code name}, {@code fields}, times)
     * @param where    how errors name the document
     * @return its fields as a plain JSON object
     */
    static ObjectNode fields(JsonNode document, String where) {
        JsonNode fields = JsonFields.optionalObject(document, "fields", where);
        return fields == null ? NODES.objectNode() : convertFields(fields, where + " field ");
    }

    private static ObjectNode convertFields(JsonNode fields, String path) {
        ObjectNode plain = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            plain.set(field.getKey(), convert(field.getValue(), path + "'" + field.getKey() + "'"));
        }
        return plain;
    }

    private static JsonNode convert(JsonNode value, String path) {
        if (!value.isObject() || value.size() != 1) {
            throw new EventDecodingException(path + " must be a Firestore value (an object with one key such as"
                    + " 'stringValue'), got " + (value.isObject() ? "an object with " + value.size() + " keys"
                    : JsonFields.describe(value)));
        }
        Iterator<Map.Entry<String, JsonNode>> only = value.properties().iterator();
        Map.Entry<String, JsonNode> entry = only.next();
        String kind = entry.getKey();
        JsonNode content = entry.getValue();
        String where = path + " (" + kind + ")";
        return switch (kind) {
            case "nullValue" -> NODES.nullNode();
            case "booleanValue" -> {
                if (!content.isBoolean()) {
                    throw wrong(where, "a boolean", content);
                }
                yield content;
            }
            case "integerValue" -> integer(content, where);
            case "doubleValue" -> {
                if (content.isNumber()) {
                    yield NODES.numberNode(content.doubleValue());
                }
                // proto3 JSON writes non-finite doubles as strings; JSON has no literal for them.
                if (content.isTextual() && (content.textValue().equals("NaN") || content.textValue().equals("Infinity")
                        || content.textValue().equals("-Infinity"))) {
                    yield content;
                }
                throw wrong(where, "a number", content);
            }
            case "stringValue", "timestampValue", "bytesValue", "referenceValue" -> {
                if (!content.isTextual()) {
                    throw wrong(where, "a string", content);
                }
                yield content;
            }
            case "geoPointValue" -> {
                if (!content.isObject()) {
                    throw wrong(where, "an object with 'latitude' and 'longitude'", content);
                }
                ObjectNode point = NODES.objectNode();
                point.set("latitude", coordinate(content, "latitude", where));
                point.set("longitude", coordinate(content, "longitude", where));
                yield point;
            }
            case "arrayValue" -> {
                if (!content.isObject()) {
                    throw wrong(where, "an object with 'values'", content);
                }
                JsonNode values = content.get("values");
                ArrayNode array = NODES.arrayNode();
                if (values == null || values.isNull()) {
                    yield array;
                }
                if (!values.isArray()) {
                    throw wrong(where + ".values", "an array", values);
                }
                for (int i = 0; i < values.size(); i++) {
                    array.add(convert(values.get(i), path + "[" + i + "]"));
                }
                yield array;
            }
            case "mapValue" -> {
                if (!content.isObject()) {
                    throw wrong(where, "an object with 'fields'", content);
                }
                JsonNode fields = content.get("fields");
                if (fields == null || fields.isNull()) {
                    yield NODES.objectNode();
                }
                if (!fields.isObject()) {
                    throw wrong(where + ".fields", "an object", fields);
                }
                yield convertFields(fields, path + ".");
            }
            default -> throw new EventDecodingException(path + " has unknown Firestore value type '"
                    + JsonFields.abbreviate(kind) + "'");
        };
    }

    private static JsonNode integer(JsonNode content, String where) {
        if (content.isIntegralNumber()) {
            return content.canConvertToLong() ? plain(content.longValue()) : NODES.numberNode(content.bigIntegerValue());
        }
        if (content.isTextual()) {
            String digits = content.textValue().trim();
            try {
                return plain(Long.parseLong(digits));
            } catch (NumberFormatException notLong) {
                throw new EventDecodingException(where + " must be a 64-bit integer, got \""
                        + JsonFields.abbreviate(digits) + "\"");
            }
        }
        throw wrong(where, "an integer or a decimal string", content);
    }

    /** The node a JSON parser makes for the number, so converted documents equal parsed JSON. */
    private static JsonNode plain(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    private static JsonNode coordinate(JsonNode point, String name, String where) {
        JsonNode value = point.get(name);
        if (value == null || value.isNull()) {
            // proto3 JSON omits zero values.
            return NODES.numberNode(0.0d);
        }
        if (!value.isNumber()) {
            throw wrong(where + "." + name, "a number", value);
        }
        return NODES.numberNode(value.doubleValue());
    }

    private static EventDecodingException wrong(String where, String expected, JsonNode actual) {
        return new EventDecodingException(where + " must be " + expected + ", got " + JsonFields.describe(actual));
    }

}
