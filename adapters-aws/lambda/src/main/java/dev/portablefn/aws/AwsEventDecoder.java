package dev.portablefn.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.batch.Ordering;
import dev.portablefn.runtime.internal.json.JsonFields;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Recognises an AWS Lambda payload by its shape and decodes it. Pure: bytes in, {@link AwsPayload}
 * out, no I/O and no state beyond the shared mapper.
 *
 * <p>Shapes, checked in this order: {@code Records} arrays (by each record's {@code eventSource}: SQS,
 * SNS, S3, Kinesis, DynamoDB), ALB ({@code requestContext.elb}), payload 2.0 ({@code version} "2.0";
 * a Function URL when there is no {@code routeKey}), payload 1.0 ({@code httpMethod}), and EventBridge
 * ({@code detail-type}; any EventBridge-shaped event from an unlisted service decodes as {@code CUSTOM}).
 * Anything else, including Kafka and CloudWatch Logs subscription events, is an
 * {@link EventDecodingException} saying what was recognised.
 */
final class AwsEventDecoder {

    private final ObjectMapper mapper;

    /**
     * @param mapper    the function's mapper
     * @param bodyBytes the largest body the function accepts
     */
    AwsEventDecoder(ObjectMapper mapper, long bodyBytes) {
        this.mapper = withRoomForBodies(mapper, bodyBytes);
    }

    /**
     * @return {@code mapper}, or a copy reading strings of up to twice {@code bodyBytes} when its own limit is lower:
     *         the event carries the body as one string (base64 grows it by a third), and a body over the limit must
     *         reach the body check (413) instead of being refused as unreadable JSON. The default limits need no copy.
     */
    static ObjectMapper withRoomForBodies(ObjectMapper mapper, long bodyBytes) {
        StreamReadConstraints constraints = mapper.getFactory().streamReadConstraints();
        int room = (int) Math.min(2 * bodyBytes, Integer.MAX_VALUE - 16);
        if (constraints.getMaxStringLength() >= room) {
            return mapper;
        }
        ObjectMapper roomy = mapper.copy();   // copies the factory too, so the function's own mapper keeps its limit
        roomy.getFactory().setStreamReadConstraints(constraints.rebuild().maxStringLength(room).build());
        return roomy;
    }

    /**
     * @param payload the raw invocation payload
     * @return the decoded payload; malformed records of a batch are kept with their error
     * @throws EventDecodingException if the payload is not JSON, not a known shape, or a batch whose
     *                                records cannot even be identified
     */
    AwsPayload decode(byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new EventDecodingException("AWS event is empty; Lambda always sends a JSON object");
        }
        return decode(parse(payload, null));
    }

    /** Decodes straight from the runtime's stream: no copy of the whole payload first. */
    AwsPayload decode(InputStream payload) {
        return decode(parse(null, payload));
    }

    private AwsPayload decode(JsonNode root) {
        if (!root.isObject()) {
            throw new EventDecodingException("AWS event must be a JSON object, got " + JsonFields.describe(root));
        }
        return decodeShape(root);
    }

    private JsonNode parse(byte[] bytes, InputStream stream) {
        try {
            JsonNode root = bytes != null ? mapper.readTree(bytes) : mapper.readTree(stream);
            if (root == null || root.isMissingNode()) {
                throw new EventDecodingException("AWS event is empty; Lambda always sends a JSON object");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new EventDecodingException("AWS event exceeds a JSON limit: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            String location = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new EventDecodingException("AWS event is not valid JSON: " + JsonFields.firstLine(e.getOriginalMessage(), 200) + location, e);
        } catch (IOException e) {
            throw new EventDecodingException("AWS event could not be read: " + e.getMessage(), e);
        }
    }

    private AwsPayload decodeShape(JsonNode root) {
        JsonNode records = root.get("Records");
        if (records != null) {
            return decodeRecords(records);
        }
        JsonNode context = root.get("requestContext");
        if (context != null && context.isObject() && context.has("elb")) {
            return HttpPayloads.decodeV1(root, AwsSource.ALB);
        }
        JsonNode version = root.get("version");
        if (version != null && "2.0".equals(version.asText()) && (root.has("rawPath") || context != null)) {
            return HttpPayloads.decodeV2(root, root.has("routeKey") ? AwsSource.API_GATEWAY_V2 : AwsSource.FUNCTION_URL);
        }
        if (root.has("httpMethod") && (context != null || root.has("resource") || root.has("path"))) {
            return HttpPayloads.decodeV1(root, AwsSource.API_GATEWAY_V1);
        }
        if (root.has("detail-type") && root.has("source")) {
            return AwsPayload.events(AwsSource.EVENTBRIDGE,
                    List.of(single(EventRecords.eventBridge(root))), Ordering.UNORDERED);
        }
        throw unknown(root);
    }

    private static AwsPayload.Record single(Event<?> event) {
        return new AwsPayload.Record(event.id(), event, null, null);
    }

    private static EventDecodingException unknown(JsonNode root) {
        JsonNode eventSource = root.get("eventSource");
        if (eventSource != null && eventSource.isTextual() && eventSource.textValue().toLowerCase(java.util.Locale.ROOT).contains("kafka")) {
            return new EventDecodingException("Kafka events (eventSource " + JsonFields.quote(eventSource.textValue())
                    + ") are not supported by the AWS adapter; consume the topic with a Kafka client instead");
        }
        if (root.has("awslogs")) {
            return new EventDecodingException("CloudWatch Logs subscription events ('awslogs') are not supported by "
                    + "the AWS adapter; route the logs through Kinesis or EventBridge instead");
        }
        StringBuilder fields = new StringBuilder();
        Iterator<String> names = root.fieldNames();
        for (int i = 0; names.hasNext() && i < 8; i++) {
            fields.append(i == 0 ? "" : ", ").append(JsonFields.quote(names.next()));
        }
        if (names.hasNext()) {
            fields.append(", ...");
        }
        return new EventDecodingException("unrecognised AWS event with top-level fields [" + fields + "]; expected an "
                + "API Gateway, Function URL, ALB, SQS, SNS, S3, EventBridge, Kinesis or DynamoDB Streams event");
    }

    private AwsPayload decodeRecords(JsonNode records) {
        if (!records.isArray()) {
            throw JsonFields.wrongType("Records", "AWS event", "an array", records);
        }
        if (records.isEmpty()) {
            throw new EventDecodingException("AWS event has an empty 'Records' array; Lambda never sends empty batches, "
                    + "so the payload is not from an AWS event source");
        }
        AwsSource source = sourceOf(records.get(0), 0);
        List<AwsPayload.Record> decoded = new ArrayList<>(records.size());
        boolean fifo = false;
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            String where = name(source) + " record " + i;
            AwsSource recordSource = sourceOf(record, i);
            if (recordSource != source) {
                throw new EventDecodingException(where + " comes from " + name(recordSource) + " but record 0 from "
                        + name(source) + "; a Lambda batch has one source");
            }
            fifo |= source == AwsSource.SQS && EventRecords.isFifo(record);
            decoded.add(decodeRecord(source, record, i, where));
        }
        Ordering ordering = source == AwsSource.KINESIS || source == AwsSource.DYNAMODB_STREAMS || fifo
                ? Ordering.ORDERED : Ordering.UNORDERED;
        return AwsPayload.events(source, decoded, ordering);
    }

    /**
     * Decodes one record. Only a batch record whose id cannot be read fails the whole payload: without the id
     * it cannot be reported as a batch item failure, and acknowledging it would lose it.
     */
    private static AwsPayload.Record decodeRecord(AwsSource source, JsonNode record, int index, String where) {
        String id = switch (source) {
            case SQS -> EventRecords.sqsId(record, where);
            case KINESIS -> EventRecords.kinesisId(record, where);
            case DYNAMODB_STREAMS -> EventRecords.dynamoDbId(record, where);
            // Asynchronous sources need no id to report: an undecodable record fails the invocation (or is dead-lettered).
            default -> "Records[" + index + "]";
        };
        try {
            Event<?> event = switch (source) {
                case SQS -> EventRecords.sqs(record, where);
                case SNS -> EventRecords.sns(record, where);
                case S3 -> EventRecords.s3(record, where);
                case KINESIS -> EventRecords.kinesis(record, where);
                case DYNAMODB_STREAMS -> EventRecords.dynamoDb(record, where);
                default -> throw new IllegalStateException("not a record source: " + source);
            };
            return new AwsPayload.Record(event.id(), event, null, null);
        } catch (EventDecodingException malformed) {
            return new AwsPayload.Record(id, null, malformed, record);
        }
    }

    private static AwsSource sourceOf(JsonNode record, int index) {
        if (!record.isObject()) {
            throw JsonFields.wrongType("Records[" + index + "]", "AWS event", "an object", record);
        }
        JsonNode source = record.has("eventSource") ? record.get("eventSource") : record.get("EventSource");
        if (source == null || !source.isTextual()) {
            throw new EventDecodingException("AWS event Records[" + index + "]: 'eventSource' is "
                    + (source == null ? "missing" : "not a string") + "; cannot tell which service sent the batch");
        }
        return switch (source.textValue()) {
            case "aws:sqs" -> AwsSource.SQS;
            case "aws:sns" -> AwsSource.SNS;
            case "aws:s3" -> AwsSource.S3;
            case "aws:kinesis" -> AwsSource.KINESIS;
            case "aws:dynamodb" -> AwsSource.DYNAMODB_STREAMS;
            default -> throw new EventDecodingException("AWS event Records[" + index + "]: eventSource "
                    + JsonFields.quote(source.textValue()) + " is not supported; expected aws:sqs, aws:sns, aws:s3, "
                    + "aws:kinesis or aws:dynamodb");
        };
    }

    private static String name(AwsSource source) {
        return switch (source) {
            case SQS -> "SQS";
            case SNS -> "SNS";
            case S3 -> "S3";
            case KINESIS -> "Kinesis";
            case DYNAMODB_STREAMS -> "DynamoDB Streams";
            default -> source.name();
        };
    }
}
