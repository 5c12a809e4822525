package dev.portablefn.aws;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.runtime.internal.json.JsonFields;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Decides, from the function's data type, whether an SQS message that carries another service's event
 * is handed over as is or as the inner event. The event stays a {@code QUEUE} event with the SQS
 * message id (so batch failures still name the SQS message); only its data, subject and attributes change.
 * <ul>
 *   <li>Data type {@link StorageObject}: an S3 notification in the body (directly, or inside an SNS
 *       envelope) becomes the {@code StorageObject}; S3's {@code s3:TestEvent} is acknowledged without
 *       running the function.</li>
 *   <li>Data type {@code JsonNode}, {@code Map} or {@code Object}: the body is kept as sent, envelope and all.</li>
 *   <li>Any other type ({@code String}, {@code byte[]}, your own classes): an SNS envelope
 *       ({@code "Type":"Notification"} with {@code TopicArn} and {@code Message}) is replaced by its
 *       {@code Message}; the topic, SNS message id, subject and SNS message attributes become attributes.</li>
 * </ul>
 */
final class SqsUnwrapping {

    static final String SNS_TOPIC_ARN = "snsTopicArn";
    static final String SNS_MESSAGE_ID = "snsMessageId";
    static final String SNS_SUBJECT = "snsSubject";

    private enum Mode { KEEP, SNS, SNS_AND_S3 }

    /** An SNS envelope's {@code "TopicArn"} name, as it stands in bytes that spell it without escapes. */
    private static final byte[] TOPIC_ARN_NAME = "\"TopicArn\"".getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper mapper;
    private final Mode mode;

    SqsUnwrapping(ObjectMapper mapper, Type dataType) {
        this.mapper = mapper;
        Class<?> raw = TypeFactory.rawClass(dataType);
        if (raw == StorageObject.class) {
            mode = Mode.SNS_AND_S3;
        } else if (JsonNode.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw == Object.class) {
            mode = Mode.KEEP;
        } else {
            mode = Mode.SNS;
        }
    }

    /**
     * @param event an SQS event whose data is the message body as bytes
     * @return the event to run, or {@code null} when it must be acknowledged without running (S3 test events)
     * @throws EventDecodingException if the body is an envelope whose inner event is malformed
     */
    Event<?> apply(Event<?> event) {
        if (mode == Mode.KEEP || !(event.data() instanceof byte[] body) || !looksLikeJsonObject(body)) {
            return event;
        }
        if (mode == Mode.SNS && !mayBeSnsEnvelope(body)) {
            return event;   // the usual message: no tree is built just to find it is not an envelope
        }
        JsonNode json = parse(body);
        if (json == null) {
            return event;
        }
        String where = "SQS message " + event.id();
        Event<?> result = event;
        if (isSnsEnvelope(json)) {
            String message = json.get("Message").textValue();
            Event.Builder<Object> unwrapped = event.<Object>withData(message.getBytes(StandardCharsets.UTF_8)).toBuilder()
                    .attribute(SNS_TOPIC_ARN, json.get("TopicArn").textValue())
                    .attribute(SNS_MESSAGE_ID, JsonFields.optionalText(json, "MessageId", where + " SNS envelope"))
                    .attribute(SNS_SUBJECT, JsonFields.optionalText(json, "Subject", where + " SNS envelope"));
            EventRecords.snsAttributes(json, where + " SNS envelope", unwrapped);
            result = unwrapped.build();
            if (mode != Mode.SNS_AND_S3 || !looksLikeJsonObject(message.getBytes(StandardCharsets.UTF_8))) {
                return result;
            }
            json = parse(message.getBytes(StandardCharsets.UTF_8));
            if (json == null) {
                return result;
            }
        }
        if (mode == Mode.SNS_AND_S3) {
            if ("s3:TestEvent".equals(json.path("Event").asText(null))) {
                return null;
            }
            JsonNode records = json.get("Records");
            if (records != null && records.isArray() && !records.isEmpty()
                    && "aws:s3".equals(records.get(0).path("eventSource").asText(null))) {
                if (records.size() != 1) {
                    throw new EventDecodingException(where + " holds " + records.size()
                            + " S3 records; S3 sends one per message, so read it as JsonNode to handle this one");
                }
                Event<StorageObject> s3 = EventRecords.s3(records.get(0), where + " S3 notification");
                return result.withData(s3.data()).toBuilder()
                        .subject(s3.subject().orElse(null))
                        .attribute("s3EventName", s3.type().substring("aws:s3:".length()))
                        .build();
            }
        }
        return result;
    }

    /**
     * Looks for the name "TopicArn" in the bytes, then streams the top-level fields only: false when the body is
     * certainly not an SNS envelope (no "Type": "Notification" with textual "TopicArn" and "Message"), or not a JSON
     * object at all.
     */
    private boolean mayBeSnsEnvelope(byte[] body) {
        if (!mayNameTopicArn(body)) {
            return false;   // the usual message is not even given a parser
        }
        boolean notification = false;
        boolean topicArn = false;
        boolean message = false;
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "Type" -> notification = value == JsonToken.VALUE_STRING && "Notification".equals(parser.getText());
                    case "TopicArn" -> topicArn = value == JsonToken.VALUE_STRING;
                    case "Message" -> message = value == JsonToken.VALUE_STRING;
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException notJson) {
            return false;
        }
        return notification && topicArn && message;
    }

    /**
     * @return false when {@code body} certainly has no name {@code "TopicArn"}: it is not in the bytes, and there is
     *         no backslash, so no escape could spell it differently
     */
    static boolean mayNameTopicArn(byte[] body) {
        boolean escapes = false;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b == '\\') {
                escapes = true;
            } else if (b == '"' && i + TOPIC_ARN_NAME.length <= body.length
                    && Arrays.equals(body, i, i + TOPIC_ARN_NAME.length, TOPIC_ARN_NAME, 0, TOPIC_ARN_NAME.length)) {
                return true;
            }
        }
        return escapes;
    }

    private static boolean isSnsEnvelope(JsonNode json) {
        return "Notification".equals(json.path("Type").asText(null))
                && json.path("TopicArn").isTextual() && json.path("Message").isTextual();
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode json = mapper.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (IOException notJson) {
            // Not JSON after all: the function gets the body as sent and binds it as it asked.
            return null;
        }
    }

    private static boolean looksLikeJsonObject(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b == '{';
            }
        }
        return false;
    }
}
