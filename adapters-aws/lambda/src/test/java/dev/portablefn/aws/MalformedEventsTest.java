package dev.portablefn.aws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.EventDecodingException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MalformedEventsTest {

    private final AwsDecoder decoder = new AwsDecoder();

    private static String replaced(String file, String from, String to) {
        String text = Fixtures.text(file);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(file + " does not contain " + from);
        }
        return text.replace(from, to);
    }

    static Stream<Arguments> malformedPayloads() {
        return Stream.of(
                Arguments.of("empty payload", "", "AWS event is empty"),
                Arguments.of("truncated JSON", Fixtures.text("sqs-event.json").substring(0, 200), "not valid JSON"),
                Arguments.of("JSON array", "[]", "must be a JSON object, got an array"),
                Arguments.of("JSON null", "null", "must be a JSON object, got null"),
                Arguments.of("Records not an array", "{\"Records\":\"x\"}", "'Records' must be an array"),
                Arguments.of("record not an object", "{\"Records\":[1]}", "'Records[0]' must be an object"),
                Arguments.of("record without source", "{\"Records\":[{}]}", "'eventSource' is missing"),
                Arguments.of("unknown record source", "{\"Records\":[{\"eventSource\":\"aws:ses\"}]}",
                        "eventSource 'aws:ses' is not supported"),
                Arguments.of("mixed sources", "{\"Records\":[" + Fixtures.sqsRecord("m", "b", "q", null)
                        + ",{\"eventSource\":\"aws:sns\"}]}", "SQS record 1 comes from SNS"),
                Arguments.of("SQS messageId wrong type", replaced("sqs-event.json", "\"MessageID_1\"", "5"),
                        "SQS record 0: 'messageId' must be a string, got the number '5'"),
                Arguments.of("SQS body wrong type", replaced("sqs-event.json", "\"Message Body\"", "{}"),
                        "SQS record 0: 'body' must be a string, got an object"),
                Arguments.of("SQS receive count not a number", replaced("sqs-event.json", "\"ApproximateReceiveCount\" : \"2\"",
                        "\"ApproximateReceiveCount\" : \"two\""),
                        "SQS record 0 attributes: 'ApproximateReceiveCount' must be a whole number"),
                Arguments.of("REST method wrong type", replaced("apigw-request.json", "\"httpMethod\": \"POST\"",
                        "\"httpMethod\": 5"), "'httpMethod' must be a string"),
                Arguments.of("v2 bad base64 body", replaced("apigw-v2-request-iam.json", "\"isBase64Encoded\": false",
                        "\"isBase64Encoded\": true"), "'body' is not valid base64"),
                Arguments.of("ALB header list not an array", replaced("alb-lambda-target-request-multivalue-headers.json",
                        "\"x-myheader\": [\n      \"123\"\n    ]", "\"x-myheader\": \"123\""),
                        "'multiValueHeaders.x-myheader' must be an array of strings"),
                Arguments.of("SNS missing Message", replaced("sns-event.json", "\"Message\": \"Hello from SNS!\",", ""),
                        "SNS record 0 Sns: 'Message' is missing"),
                Arguments.of("S3 size wrong type", replaced("s3-event.json", "\"size\": 1024", "\"size\": \"big\""),
                        "'size' must be a whole number"),
                Arguments.of("S3 time not ISO", replaced("s3-event.json", "1970-01-01T00:00:00.123Z", "yesterday"),
                        "'eventTime' is not an ISO-8601 timestamp: 'yesterday'"),
                Arguments.of("Kinesis time wrong type", replaced("kinesis-event.json", "1480641523.477", "\"soon\""),
                        "'approximateArrivalTimestamp' must be epoch seconds as a number"),
                Arguments.of("Kinesis time absurd", replaced("kinesis-event.json", "1480641523.477", "1e300"),
                        "not a plausible timestamp"),
                Arguments.of("DynamoDB number not a number", replaced("dynamodb-event.json", "\"N\": \"123.45\"",
                        "\"N\": \"12x\""), "'N' is not a number: '12x'"),
                Arguments.of("DynamoDB unknown type", replaced("dynamodb-event.json", "\"BOOL\": true", "\"BOOLEAN\": true"),
                        "unknown DynamoDB AttributeValue type 'BOOLEAN'"),
                Arguments.of("DynamoDB eventName unknown", replaced("dynamodb-event.json", "\"INSERT\"", "\"UPSERT\""),
                        "'eventName' must be INSERT, MODIFY or REMOVE"),
                Arguments.of("EventBridge detail-type wrong type", replaced("ecr-image-push-event.json",
                        "\"ECR Image Action\"", "[]"), "'detail-type' must be a string"),
                Arguments.of("EventBridge empty id", replaced("ecr-image-push-event.json",
                        "\"13cde686-328b-6117-af20-0e5566167482\"", "\"\""), "EventBridge event: 'id' is missing or empty"),
                // Empty identifiers are decoding errors naming the field, not the portable types' IllegalArgumentException.
                Arguments.of("SQS empty messageId", replaced("sqs-event.json", "\"MessageID_1\"", "\"\""),
                        "SQS record 0: 'messageId' is missing or empty"),
                Arguments.of("SNS empty TopicArn", replaced("sns-event.json", "\"arn:aws:sns:EXAMPLE\"", "\"\""),
                        "'TopicArn' is missing or empty"),
                Arguments.of("Kinesis empty sequenceNumber", replaced("kinesis-event.json",
                        "\"49568167373333333333333333333333333333333333333333333333\"", "\"\""),
                        "'sequenceNumber' is missing or empty"),
                Arguments.of("DynamoDB empty SequenceNumber", replaced("dynamodb-event.json",
                        "\"1405400000000002063282832\"", "\"\""), "'SequenceNumber' is missing or empty"),
                Arguments.of("EventBridge empty source", replaced("ecr-image-push-event.json", "\"aws.ecr\"", "\"\""),
                        "EventBridge event: 'source' is missing or empty"),
                Arguments.of("nesting too deep", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                        "exceeds a JSON limit"),
                Arguments.of("unknown object", "{\"hello\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9}",
                        "top-level fields ['hello', 'b', 'c', 'd', 'e', 'f', 'g', 'h', ...]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedPayloads")
    void malformedPayloadIsAClearDecodingError(String name, String payload, String message) {
        assertThatThrownBy(() -> decoder.decode(payload.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining(message);
    }

    @Test
    void invalidUtf8IsADecodingError() {
        byte[] payload = Fixtures.bytes("sns-event.json");
        int at = new String(payload, StandardCharsets.ISO_8859_1).indexOf("Hello from SNS!");
        payload[at] = (byte) 0xC3;
        payload[at + 1] = (byte) 0x28;
        assertThatThrownBy(() -> decoder.decode(payload))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("not valid JSON");
    }
}
