package dev.portablefn.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;

/** Recorded AWS events from {@code src/test/resources/events/aws} and small builders for batches. */
final class Fixtures {

    static final List<String> EVENT_FILES = List.of(
            "alb-lambda-target-request-headers-only.json", "alb-lambda-target-request-multivalue-headers.json",
            "apigw-request.json", "apigw-v2-request-iam.json", "apigw-v2-request-jwt-authorizer.json",
            "apigw-v2-request-lambda-authorizer.json", "apigw-v2-request-no-authorizer.json",
            "cloudwatch-logs-event.json", "codebuild-state-change.json", "dynamodb-event.json",
            "ecr-image-push-event.json", "kafka-event.json", "kinesis-event.json", "lambda-urls-request.json",
            "s3-event-with-decoded.json", "s3-event.json", "sns-event.json", "sqs-event.json");

    static final List<String> RESPONSE_FILES = List.of(
            "alb-lambda-target-response.json", "apigw-response.json", "lambda-urls-response.json");

    private Fixtures() {
    }

    static byte[] bytes(String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/events/aws/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    static byte[] records(int count, IntFunction<String> record) {
        StringBuilder json = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append(record.apply(i));
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static String sqsRecord(String messageId, String body, String queueArn, String groupId) {
        return "{\"messageId\":\"" + messageId + "\",\"receiptHandle\":\"h\",\"body\":" + quote(body)
                + ",\"attributes\":{\"ApproximateReceiveCount\":\"1\",\"SentTimestamp\":\"1520621625029\""
                + (groupId == null ? "" : ",\"MessageGroupId\":\"" + groupId + "\"")
                + "},\"messageAttributes\":{},\"eventSource\":\"aws:sqs\",\"eventSourceARN\":\"" + queueArn + "\"}";
    }

    static String kinesisRecord(String sequenceNumber, String base64Data) {
        return "{\"kinesis\":{\"partitionKey\":\"p\",\"sequenceNumber\":\"" + sequenceNumber + "\",\"data\":\""
                + base64Data + "\",\"approximateArrivalTimestamp\":1480641523.477},\"eventSource\":\"aws:kinesis\","
                + "\"eventID\":\"shardId-0:" + sequenceNumber + "\",\"eventName\":\"aws:kinesis:record\","
                + "\"eventSourceARN\":\"arn:aws:kinesis:us-east-1:123456789012:stream/s\"}";
    }

    static String dynamoDbRecord(String sequenceNumber, String value) {
        return "{\"eventID\":\"e" + sequenceNumber + "\",\"eventName\":\"INSERT\",\"eventSource\":\"aws:dynamodb\","
                + "\"dynamodb\":{\"Keys\":{\"id\":{\"S\":\"" + sequenceNumber + "\"}},\"NewImage\":{\"id\":{\"S\":\""
                + sequenceNumber + "\"},\"value\":{\"S\":\"" + value + "\"}},\"SequenceNumber\":\"" + sequenceNumber
                + "\",\"StreamViewType\":\"NEW_IMAGE\"},"
                + "\"eventSourceARN\":\"arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2016\"}";
    }

    static String quote(String text) {
        try {
            return dev.portablefn.runtime.json.JacksonCodec.standard().mapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
