package dev.portablefn.runtime.internal.outbound;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One text that carries a message body with its attributes, for transports that carry a body only (Azure Storage
 * queues): {@code {"portablefn-envelope":1,"attributes":{"traceparent":"00-…","k":"v"},"body":"<the body>"}}. The
 * publisher wraps; the inbound adapter opens it before the function sees the message, so the attributes (and the
 * trace they carry) arrive as they were sent. A text that does not start with {@link #PREFIX} is an ordinary
 * message and is left alone.
 */
public final class MessageEnvelope {

    /** How every envelope starts, byte for byte: the cheap test that tells an envelope from any other message. */
    public static final String PREFIX = "{\"portablefn-envelope\":1,";

    private static final String ATTRIBUTES = "attributes";
    private static final String BODY = "body";

    private MessageEnvelope() {
    }

    /**
     * A message taken out of its envelope.
     *
     * @param body       the body as the publisher gave it
     * @param attributes the attributes as the publisher gave them, in their order
     */
    public record Opened(String body, Map<String, String> attributes) {
        /**
         * Checks and copies the parts.
         *
         * @param body       the body
         * @param attributes the attributes; copied, unmodifiable
         */
        public Opened {
            Objects.requireNonNull(body, "body");
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }

    /**
     * Puts a body and its attributes in one text.
     *
     * @param body       the message body
     * @param attributes the attributes to carry
     * @return the envelope's JSON text, starting with {@link #PREFIX}
     */
    public static String wrap(String body, Map<String, String> attributes) {
        Objects.requireNonNull(body, "body");
        StringWriter text = new StringWriter(body.length() + 64 * (attributes.size() + 1));
        try (JsonGenerator json = JacksonCodec.standard().mapper().getFactory().createGenerator(text)) {
            json.writeStartObject();
            json.writeNumberField("portablefn-envelope", 1);
            json.writeObjectFieldStart(ATTRIBUTES);
            for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                json.writeStringField(attribute.getKey(), attribute.getValue());
            }
            json.writeEndObject();
            json.writeStringField(BODY, body);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return text.toString();
    }

    /**
     * Takes a message out of its envelope.
     *
     * @param text  the message as it arrived
     * @param where what the message is, for the error ({@code "Queue Storage message 3f2a"}); asked only on failure
     * @return the body and attributes, or empty when {@code text} is not an envelope (an ordinary message)
     * @throws EventDecodingException when {@code text} starts as an envelope but is not a valid one
     */
    public static Optional<Opened> open(String text, Supplier<String> where) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        JsonNode envelope;
        try {
            envelope = JacksonCodec.standard().mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new EventDecodingException(where.get() + " starts as a portablefn envelope but is not valid JSON: "
                    + e.getOriginalMessage());
        }
        JsonNode body = envelope.get(BODY);
        JsonNode attributes = envelope.get(ATTRIBUTES);
        if (body == null || !body.isTextual() || attributes == null || !attributes.isObject()) {
            throw new EventDecodingException(where.get() + " is a portablefn envelope without a text 'body' and an object"
                    + " 'attributes'");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = attributes.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual()) {
                throw new EventDecodingException(where.get() + ": envelope attribute '" + field.getKey()
                        + "' is not a string");
            }
            values.put(field.getKey(), field.getValue().textValue());
        }
        return Optional.of(new Opened(body.textValue(), values));
    }
}
