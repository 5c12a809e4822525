package dev.portablefn.gcp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.runtime.internal.json.JsonFields;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of a Pub/Sub push envelope ({@code {"message": {"data", "attributes", "orderingKey", "publishTime"},
 * "subscription", "deliveryAttempt"}}) that a portable event carries, read from a stream of JSON tokens.
 * Streaming skips building a tree of the envelope, which was most of what decoding a Pub/Sub event cost; bytes
 * and an already-parsed tree go through this same reader. A repeated name keeps its last value, as in a tree, and
 * the fields are checked in the same order as a tree's reader checks them, so errors read the same.
 *
 * @param data            the message's data, decoded from base64, or {@code null} when it has none
 * @param attributes      the message's attributes in document order; JSON nulls are left out
 * @param orderingKey     the message's ordering key, or {@code null}
 * @param deliveryAttempt the delivery attempt (1 and up), or {@code null} when dead-lettering is off
 * @param publishTime     when the message was published, as sent ({@code publishTime}, else {@code publish_time}),
 *                        or {@code null}; read only when the event has no time of its own
 */
record PubSubEnvelope(byte[] data, Map<String, String> attributes, String orderingKey, Integer deliveryAttempt,
                      String publishTime) {

    /**
     * Reads one envelope and checks that nothing follows it.
     *
     * @param parser    positioned before the envelope's first token
     * @param mapper    reads a value of an unexpected type as a tree, for the error message
     * @param where     how error messages name the Pub/Sub event
     * @param dataWhere how error messages name the event when its data is not an object
     * @param publishTimeNeeded whether the publish time is read; it is not checked when the event has a time
     * @return the envelope's parts
     * @throws IOException            if the JSON is malformed or breaks the parser's limits
     * @throws EventDecodingException if the JSON is not an envelope
     */
    static PubSubEnvelope read(JsonParser parser, ObjectMapper mapper, String where, String dataWhere, boolean publishTimeNeeded)
            throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new IOException("no JSON content");
        }
        if (first != JsonToken.START_OBJECT) {
            JsonNode data = tree(parser, mapper);
            requireEnd(parser);
            throw new EventDecodingException(dataWhere + ": 'data' must be an object, got " + JsonFields.describe(data));
        }
        Fields fields = new Fields(parser, mapper);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "message" -> fields.readMessage(value);
                case "deliveryAttempt" -> fields.readDeliveryAttempt(value);
                default -> parser.skipChildren();
            }
        }
        requireEnd(parser);
        return fields.check(where, publishTimeNeeded);
    }

    /** Reads the value at the parser as a tree: only the value, though the envelope's mapper rejects trailing tokens. */
    private static JsonNode tree(JsonParser parser, ObjectMapper mapper) throws IOException {
        return mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(parser);
    }

    private static void requireEnd(JsonParser parser) throws IOException {
        // The codec reads JSON with FAIL_ON_TRAILING_TOKENS; an envelope must not be laxer than any other body.
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new IOException("Trailing token (of type " + trailing + ") found after the envelope");
        }
    }

    /** What the stream held, kept raw until all of it is read: a string, or the tree of a value of another type. */
    private static final class Fields {
        private final JsonParser parser;
        private final ObjectMapper mapper;
        boolean hasMessage;
        JsonNode messageOfOtherType;
        Object data;
        Object orderingKey;
        Object publishTime;
        Object publishTimeSnakeCase;
        JsonNode deliveryAttempt;
        JsonNode attributesOfOtherType;
        Map<String, String> attributes;
        /** Attributes whose last value is neither a string nor null; their entry in {@link #attributes} is null. */
        Map<String, JsonNode> attributesOfWrongType;

        Fields(JsonParser parser, ObjectMapper mapper) {
            this.parser = parser;
            this.mapper = mapper;
        }

        void readDeliveryAttempt(JsonToken value) throws IOException {
            JsonParser.NumberType type = value == JsonToken.VALUE_NUMBER_INT ? parser.getNumberType() : null;
            if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                deliveryAttempt = JsonNodeFactory.instance.numberNode(parser.getLongValue());
            } else {
                deliveryAttempt = value == JsonToken.VALUE_NULL ? null : tree(parser, mapper);
            }
        }

        void readMessage(JsonToken value) throws IOException {
            // A repeated "message" replaces the earlier one whole, as it would in a tree.
            hasMessage = value != JsonToken.VALUE_NULL;
            messageOfOtherType = null;
            data = orderingKey = publishTime = publishTimeSnakeCase = null;
            clearAttributes();
            if (value != JsonToken.START_OBJECT) {
                messageOfOtherType = hasMessage ? tree(parser, mapper) : null;
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (name) {
                    case "data" -> data = raw(token);
                    case "attributes" -> readAttributes(token);
                    case "orderingKey" -> orderingKey = raw(token);
                    case "publishTime" -> publishTime = raw(token);
                    case "publish_time" -> publishTimeSnakeCase = raw(token);
                    default -> parser.skipChildren();
                }
            }
        }

        private void clearAttributes() {
            attributesOfOtherType = null;
            attributes = null;
            attributesOfWrongType = null;
        }

        private void readAttributes(JsonToken value) throws IOException {
            // A repeated "attributes" replaces the earlier one whole, as it would in a tree.
            clearAttributes();
            if (value != JsonToken.START_OBJECT) {
                attributesOfOtherType = value == JsonToken.VALUE_NULL ? null : tree(parser, mapper);
                return;
            }
            attributes = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (token == JsonToken.VALUE_STRING) {
                    attributes.put(name, parser.getText());
                    forgetWrongType(name);
                } else {
                    // Kept as null in its place, so a later value of the same name keeps the first one's position.
                    attributes.put(name, null);
                    if (token == JsonToken.VALUE_NULL) {
                        forgetWrongType(name);
                    } else {
                        if (attributesOfWrongType == null) {
                            attributesOfWrongType = new LinkedHashMap<>();
                        }
                        attributesOfWrongType.put(name, tree(parser, mapper));
                    }
                }
            }
        }

        private void forgetWrongType(String name) {
            if (attributesOfWrongType != null) {
                attributesOfWrongType.remove(name);
            }
        }

        PubSubEnvelope check(String where, boolean publishTimeNeeded) {
            if (!hasMessage) {
                throw new EventDecodingException(where + ": 'message' is missing; a messagePublished event's data is"
                        + " {\"message\": {\"data\": base64, \"attributes\": {...}}, \"subscription\": ...}");
            }
            if (messageOfOtherType != null) {
                throw JsonFields.wrongType("message", where, "an object", messageOfOtherType);
            }
            String base64 = text(data, "data", where);
            byte[] payload = base64 == null ? null : JsonFields.base64(base64, "message.data", where);
            Map<String, String> messageAttributes = checkedAttributes(where);
            String key = text(orderingKey, "orderingKey", where);
            Integer attempt = JsonFields.intValue(deliveryAttempt, "deliveryAttempt", where);
            if (attempt != null && attempt < 1) {
                throw new EventDecodingException(where + ": 'deliveryAttempt' must be at least 1, got " + attempt);
            }
            String published = null;
            if (publishTimeNeeded) {
                published = text(publishTime, "publishTime", where);
                if (published == null) {
                    published = text(publishTimeSnakeCase, "publish_time", where);
                }
            }
            return new PubSubEnvelope(payload, messageAttributes, key, attempt, published);
        }

        private Map<String, String> checkedAttributes(String where) {
            if (attributesOfOtherType != null) {
                throw JsonFields.wrongType("attributes", where, "an object", attributesOfOtherType);
            }
            if (attributes == null) {
                return Map.of();
            }
            if (attributesOfWrongType != null && !attributesOfWrongType.isEmpty()) {
                for (String name : attributes.keySet()) {
                    JsonNode wrong = attributesOfWrongType.get(name);
                    if (wrong != null) {
                        throw JsonFields.wrongType("attributes." + name, where, "a string", wrong);
                    }
                }
            }
            attributes.values().removeIf(Objects::isNull);
            return Collections.unmodifiableMap(attributes);
        }

        private Object raw(JsonToken token) throws IOException {
            return switch (token) {
                case VALUE_STRING -> parser.getText();
                case VALUE_NULL -> null;
                default -> tree(parser, mapper);
            };
        }

        private static String text(Object raw, String field, String where) {
            if (raw == null || raw instanceof String) {
                return (String) raw;
            }
            throw JsonFields.wrongType(field, where, "a string", (JsonNode) raw);
        }
    }
}
