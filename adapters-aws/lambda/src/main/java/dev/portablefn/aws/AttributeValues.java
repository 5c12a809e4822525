package dev.portablefn.aws;

import static dev.portablefn.runtime.internal.json.JsonFields.wrongType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.runtime.internal.json.JsonFields;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Converts DynamoDB AttributeValue maps ({@code {"S":"x"}}, {@code {"N":"1"}}, {@code {"M":{..}}}, ...)
 * to plain JSON: strings, numbers, booleans, null, objects and arrays. Binary values ({@code B},
 * {@code BS}) stay base64 text, as JSON has no bytes; sets become arrays.
 */
final class AttributeValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private AttributeValues() {
    }

    /** @param item a map of attribute name to AttributeValue */
    static ObjectNode toJson(JsonNode item, String where) {
        ObjectNode plain = NODES.objectNode();
        for (Map.Entry<String, JsonNode> entry : item.properties()) {
            plain.set(entry.getKey(), value(entry.getValue(), where + "." + entry.getKey()));
        }
        return plain;
    }

    /** A plain JSON scalar as a Java value (String, Long, BigDecimal, Boolean); containers stay JSON. */
    static Object toPlainValue(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node;
    }

    private static JsonNode value(JsonNode attribute, String where) {
        if (!attribute.isObject() || attribute.size() != 1) {
            throw new EventDecodingException(where + " must be a DynamoDB AttributeValue with exactly one type key "
                    + "such as {\"S\": \"text\"}, got " + JsonFields.describe(attribute)
                    + (attribute.isObject() ? " with " + attribute.size() + " keys" : ""));
        }
        Map.Entry<String, JsonNode> typed = attribute.properties().iterator().next();
        String type = typed.getKey();
        JsonNode value = typed.getValue();
        return switch (type) {
            case "S", "B" -> text(value, type, where);
            case "N" -> number(text(value, type, where).textValue(), where);
            case "BOOL" -> {
                if (!value.isBoolean()) {
                    throw wrongType(type, where, "a boolean", value);
                }
                yield value;
            }
            case "NULL" -> NODES.nullNode();
            case "M" -> {
                if (!value.isObject()) {
                    throw wrongType(type, where, "an object", value);
                }
                yield toJson(value, where);
            }
            case "L" -> {
                ArrayNode list = NODES.arrayNode();
                int i = 0;
                for (JsonNode element : array(value, type, where)) {
                    list.add(value(element, where + "[" + i++ + "]"));
                }
                yield list;
            }
            case "SS", "BS" -> {
                ArrayNode set = NODES.arrayNode();
                for (JsonNode element : array(value, type, where)) {
                    set.add(text(element, type + "[]", where));
                }
                yield set;
            }
            case "NS" -> {
                ArrayNode set = NODES.arrayNode();
                for (JsonNode element : array(value, type, where)) {
                    set.add(number(text(element, type + "[]", where).textValue(), where));
                }
                yield set;
            }
            default -> throw new EventDecodingException(where + ": unknown DynamoDB AttributeValue type "
                    + JsonFields.quote(type) + "; expected S, N, B, BOOL, NULL, M, L, SS, NS or BS");
        };
    }

    private static JsonNode text(JsonNode value, String type, String where) {
        if (!value.isTextual()) {
            throw wrongType(type, where, "a string", value);
        }
        return value;
    }

    private static JsonNode array(JsonNode value, String type, String where) {
        if (!value.isArray()) {
            throw wrongType(type, where, "an array", value);
        }
        return value;
    }

    private static JsonNode number(String digits, String where) {
        // DynamoDB numbers have at most 38 significant digits; refuse anything that is not a short decimal.
        if (digits.length() > 64) {
            throw new EventDecodingException(where + ": DynamoDB number is longer than 64 characters");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(digits.trim());
        } catch (NumberFormatException e) {
            throw new EventDecodingException(where + ": 'N' is not a number: " + JsonFields.quote(digits), e);
        }
        if (number.scale() <= 0 && number.precision() - number.scale() <= 18) {
            return NODES.numberNode(number.longValueExact());
        }
        return NODES.numberNode(number);
    }
}
