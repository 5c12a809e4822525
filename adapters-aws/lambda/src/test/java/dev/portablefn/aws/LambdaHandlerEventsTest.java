package dev.portablefn.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.BatchFunction;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.batch.BatchResult;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LambdaHandlerEventsTest {

    private static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:orders";

    /** Fails every record whose payload mentions "fail"; records what it saw. */
    static final class FailOnMarker implements EventFunction<Object> {
        final List<Object> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void handle(Event<Object> event, Context context) {
            seen.add(event.data());
            if (String.valueOf(event.data()).contains("fail")) {
                throw new RetryableException("record " + event.id() + " failed");
            }
        }
    }

    record Greeting(String name) {
    }

    static final class Greeter implements EventFunction<Greeting> {
        final List<Event<Greeting>> seen = new ArrayList<>();

        @Override
        public void handle(Event<Greeting> event, Context context) {
            seen.add(event);
        }
    }

    static final class Envelopes implements EventFunction<JsonNode> {
        final List<JsonNode> seen = new ArrayList<>();

        @Override
        public void handle(Event<JsonNode> event, Context context) {
            seen.add(event.data());
        }
    }

    static final class Uploads implements EventFunction<StorageObject> {
        final List<Event<StorageObject>> seen = new ArrayList<>();

        @Override
        public void handle(Event<StorageObject> event, Context context) {
            seen.add(event);
        }
    }

    private static byte[] invoke(LambdaHandler handler, byte[] payload) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(payload), out, FakeLambdaContext.of("req-batch", "orders", 30_000));
        return out.toByteArray();
    }

    private static List<String> failedIds(byte[] response) throws Exception {
        JsonNode json = JacksonCodec.standard().mapper().readTree(response);
        List<String> ids = new ArrayList<>();
        json.get("batchItemFailures").forEach(failure -> ids.add(failure.get("itemIdentifier").textValue()));
        return ids;
    }

    private static String marker(int i) {
        return i == 3 || i == 7 ? "fail-" + i : "ok-" + i;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> batchesWhereRecords3And7Fail() {
        IntFunction<String> standard = i -> Fixtures.sqsRecord("m" + i, marker(i), QUEUE, null);
        IntFunction<String> fifo = i -> Fixtures.sqsRecord("m" + i, marker(i), QUEUE + ".fifo", "g1");
        IntFunction<String> kinesis = i -> Fixtures.kinesisRecord("4956000" + i, base64(marker(i)));
        IntFunction<String> dynamo = i -> Fixtures.dynamoDbRecord("1405" + i, marker(i));
        return Stream.of(
                Arguments.of("SQS standard", standard, List.of("m3", "m7")),
                Arguments.of("SQS FIFO", fifo, IntStream.range(3, 10).mapToObj(i -> "m" + i).toList()),
                Arguments.of("Kinesis", kinesis, IntStream.range(3, 10).mapToObj(i -> "4956000" + i).toList()),
                Arguments.of("DynamoDB", dynamo, IntStream.range(3, 10).mapToObj(i -> "1405" + i).toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batchesWhereRecords3And7Fail")
    void reportsExactlyTheFailedRecordsOrEverythingFromTheFirstFailureWhenOrdered(
            String source, IntFunction<String> record, List<String> expected) throws Exception {
        FailOnMarker function = new FailOnMarker();
        byte[] response = invoke(new LambdaHandler(function), Fixtures.records(10, record));
        assertThat(failedIds(response)).as(source).containsExactlyElementsOf(expected);
        // Ordered sources stop at the first failure: records after it are not attempted.
        assertThat(function.seen).hasSize(expected.size() == 2 ? 10 : 4);
    }

    @Test
    void successfulBatchAnswersWithAnEmptyFailureList() throws Exception {
        byte[] response = invoke(new LambdaHandler(new FailOnMarker()), Fixtures.bytes("sqs-event.json"));
        assertThat(new String(response, StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
    }

    @Test
    void batchFunctionFailuresAreReportedById() throws Exception {
        BatchFunction<String> function = new BatchFunction<>() {
            @Override
            public BatchResult handle(List<Event<String>> events, Context context) {
                return BatchResult.failed(List.of("m1"));
            }
        };
        byte[] response = invoke(new LambdaHandler(function),
                Fixtures.records(3, i -> Fixtures.sqsRecord("m" + i, "b" + i, QUEUE, null)));
        assertThat(failedIds(response)).containsExactly("m1");
    }

    @Test
    void malformedSqsRecordIsReportedAndTheRestRuns() throws Exception {
        FailOnMarker function = new FailOnMarker();
        byte[] batch = Fixtures.records(4, i -> i == 2
                ? "{\"messageId\":\"m2\",\"body\":42,\"eventSource\":\"aws:sqs\"}"
                : Fixtures.sqsRecord("m" + i, "ok", QUEUE, null));
        assertThat(failedIds(invoke(new LambdaHandler(function), batch))).containsExactly("m2");
        assertThat(function.seen).hasSize(3);
    }

    @Test
    void failuresOfTheRecordsThatRanAfterAMalformedOneAreReportedByTheirOwnIds() throws Exception {
        // The function sees records 0, 2, 3, 4 and fails its third (record 3): the id reported must be m3, not m2.
        FailOnMarker function = new FailOnMarker();
        byte[] batch = Fixtures.records(5, i -> i == 1
                ? "{\"messageId\":\"m1\",\"body\":42,\"eventSource\":\"aws:sqs\"}"
                : Fixtures.sqsRecord("m" + i, marker(i), QUEUE, null));
        assertThat(failedIds(invoke(new LambdaHandler(function), batch))).containsExactly("m1", "m3");
        assertThat(function.seen).hasSize(4);
    }

    @Test
    void malformedFifoRecordIsReportedWithEveryLaterRecord() throws Exception {
        FailOnMarker function = new FailOnMarker();
        byte[] batch = Fixtures.records(4, i -> i == 1
                ? "{\"messageId\":\"m1\",\"eventSource\":\"aws:sqs\",\"eventSourceARN\":\"" + QUEUE + ".fifo\"}"
                : Fixtures.sqsRecord("m" + i, "ok", QUEUE + ".fifo", "g"));
        assertThat(failedIds(invoke(new LambdaHandler(function), batch))).containsExactly("m1", "m2", "m3");
        assertThat(function.seen).hasSize(1);
    }

    @Test
    void malformedKinesisDataIsReportedBySequenceNumber() throws Exception {
        byte[] batch = Fixtures.records(3, i -> Fixtures.kinesisRecord("49" + i, i == 0 ? "not base64!" : base64("ok")));
        assertThat(failedIds(invoke(new LambdaHandler(new FailOnMarker()), batch))).containsExactly("490", "491", "492");
    }

    @Test
    void recordWithoutAnIdFailsTheWholeInvocationInsteadOfBeingAcknowledged() {
        byte[] batch = Fixtures.records(2, i -> i == 1 ? "{\"body\":\"x\",\"eventSource\":\"aws:sqs\"}"
                : Fixtures.sqsRecord("m0", "ok", QUEUE, null));
        assertThatThrownBy(() -> invoke(new LambdaHandler(new FailOnMarker()), batch))
                .isInstanceOf(EventDecodingException.class)
                .hasMessage("SQS record 1: 'messageId' is missing or empty");
    }

    @Test
    void emptyBatchIsAClearError() {
        assertThatThrownBy(() -> invoke(new LambdaHandler(new FailOnMarker()),
                "{\"Records\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("empty 'Records' array");
    }

    private static String snsEnvelope(String message) {
        return "{\"Type\":\"Notification\",\"MessageId\":\"sns-1\",\"TopicArn\":\"arn:aws:sns:us-east-1:1:greetings\","
                + "\"Subject\":\"hi\",\"Message\":" + Fixtures.quote(message) + ",\"Timestamp\":\"2024-01-01T00:00:00Z\","
                + "\"MessageAttributes\":{\"tenant\":{\"Type\":\"String\",\"Value\":\"acme\"}}}";
    }

    @Test
    void snsEnvelopeInSqsIsUnwrappedForAUserType() throws Exception {
        Greeter greeter = new Greeter();
        byte[] batch = Fixtures.records(1, i -> Fixtures.sqsRecord("m0", snsEnvelope("{\"name\":\"Ada\"}"), QUEUE, null));
        assertThat(failedIds(invoke(new LambdaHandler(greeter), batch))).isEmpty();
        Event<Greeting> event = greeter.seen.get(0);
        assertThat(event.data()).isEqualTo(new Greeting("Ada"));
        assertThat(event.id()).isEqualTo("m0");
        assertThat(event.trigger()).isEqualTo(dev.portablefn.api.Trigger.QUEUE);
        assertThat(event.attributes()).containsEntry(SqsUnwrapping.SNS_TOPIC_ARN, "arn:aws:sns:us-east-1:1:greetings")
                .containsEntry(SqsUnwrapping.SNS_MESSAGE_ID, "sns-1").containsEntry(SqsUnwrapping.SNS_SUBJECT, "hi")
                .containsEntry("tenant", "acme");
    }

    @Test
    void snsEnvelopeFieldsAreFoundInAnyOrderButOnlyAtTheTopLevel() throws Exception {
        Greeter greeter = new Greeter();
        String reordered = "{\"Message\":" + Fixtures.quote("{\"name\":\"Ada\"}") + ",\"TopicArn\":\"arn:aws:sns:us-east-1:1:t\","
                + "\"Type\":\"Notification\"}";
        String nested = "{\"name\":\"Bob\",\"inner\":{\"Type\":\"Notification\",\"TopicArn\":\"t\",\"Message\":\"{}\"}}";
        byte[] batch = Fixtures.records(2, i -> Fixtures.sqsRecord("m" + i, i == 0 ? reordered : nested, QUEUE, null));

        assertThat(failedIds(invoke(new LambdaHandler(greeter), batch))).isEmpty();

        assertThat(greeter.seen.get(0).data()).isEqualTo(new Greeting("Ada"));
        assertThat(greeter.seen.get(0).attributes()).containsEntry(SqsUnwrapping.SNS_TOPIC_ARN, "arn:aws:sns:us-east-1:1:t");
        assertThat(greeter.seen.get(1).data()).isEqualTo(new Greeting("Bob"));
        assertThat(greeter.seen.get(1).attributes()).doesNotContainKey(SqsUnwrapping.SNS_TOPIC_ARN);
    }

    @Test
    void snsEnvelopeWhoseNamesAreEscapedIsStillUnwrapped() throws Exception {
        Greeter greeter = new Greeter();
        // No plain "TopicArn" in the bytes: only the parser, not the quick look for the name, can tell it is an envelope.
        String escaped = "{\"Type\":\"Notification\",\"\\u0054opicArn\":\"arn:aws:sns:us-east-1:1:t\",\"Message\":"
                + Fixtures.quote("{\"name\":\"Ada\"}") + "}";
        byte[] batch = Fixtures.records(1, i -> Fixtures.sqsRecord("m0", escaped, QUEUE, null));

        assertThat(failedIds(invoke(new LambdaHandler(greeter), batch))).isEmpty();

        assertThat(greeter.seen.get(0).data()).isEqualTo(new Greeting("Ada"));
        assertThat(greeter.seen.get(0).attributes()).containsEntry(SqsUnwrapping.SNS_TOPIC_ARN, "arn:aws:sns:us-east-1:1:t");
    }

    @Test
    void aBodyIsLookedAtAsAnEnvelopeOnlyWhenItMayNameTopicArn() {
        assertThat(SqsUnwrapping.mayNameTopicArn(bytes("{\"name\":\"Ada\"}"))).isFalse();
        assertThat(SqsUnwrapping.mayNameTopicArn(bytes("{\"TopicArn\":1}"))).isTrue();
        assertThat(SqsUnwrapping.mayNameTopicArn(bytes("{\"name\":\"TopicArn\"}"))).as("a value, found by the parser")
                .isTrue();
        assertThat(SqsUnwrapping.mayNameTopicArn(bytes("{\"note\":\"a \\\"quote\\\"\"}"))).as("any escape").isTrue();
        assertThat(SqsUnwrapping.mayNameTopicArn(bytes("\"TopicAr"))).isFalse();
        assertThat(SqsUnwrapping.mayNameTopicArn(new byte[0])).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void snsEnvelopeInSqsIsKeptForJsonNode() throws Exception {
        Envelopes envelopes = new Envelopes();
        byte[] batch = Fixtures.records(1, i -> Fixtures.sqsRecord("m0", snsEnvelope("{\"name\":\"Ada\"}"), QUEUE, null));
        invoke(new LambdaHandler(envelopes), batch);
        assertThat(envelopes.seen.get(0).get("TopicArn").textValue()).isEqualTo("arn:aws:sns:us-east-1:1:greetings");
    }

    @Test
    void s3NotificationInSqsBecomesStorageObjectDirectlyOrThroughSns() throws Exception {
        Uploads uploads = new Uploads();
        String s3 = Fixtures.text("s3-event.json");
        byte[] batch = Fixtures.records(3, i -> Fixtures.sqsRecord("m" + i, switch (i) {
            case 0 -> s3;
            case 1 -> snsEnvelope(s3);
            default -> "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"sourcebucket\"}";
        }, QUEUE, null));
        assertThat(failedIds(invoke(new LambdaHandler(uploads), batch))).isEmpty();
        assertThat(uploads.seen).hasSize(2).allSatisfy(event -> {
            assertThat(event.data().key()).isEqualTo("Happy Face.jpg");
            assertThat(event.data().bucket()).isEqualTo("sourcebucket");
            assertThat(event.subject()).contains("Happy Face.jpg");
            assertThat(event.attribute("s3EventName")).contains("ObjectCreated:Put");
        });
        assertThat(uploads.seen).extracting(Event::id).containsExactly("m0", "m1");
    }

    @Test
    void nonS3BodyForAStorageFunctionIsReportedAsFailed() throws Exception {
        byte[] batch = Fixtures.records(1, i -> Fixtures.sqsRecord("m0", "not an s3 event", QUEUE, null));
        assertThat(failedIds(invoke(new LambdaHandler(new Uploads()), batch))).containsExactly("m0");
    }

    @Test
    void retryableFailureOfAnAsyncEventFailsTheInvocation() {
        EventFunction<String> failing = new EventFunction<>() {
            @Override
            public void handle(Event<String> event, Context context) {
                throw new RetryableException("downstream unavailable");
            }
        };
        assertThatThrownBy(() -> invoke(new LambdaHandler(failing), Fixtures.bytes("sns-event.json")))
                .isInstanceOf(InvocationFailedException.class)
                .hasMessageContaining("SNS event 95df01b4-ee98-5cb9-9903-4c221d41eb5e failed")
                .hasCauseInstanceOf(RetryableException.class);
    }

    @Test
    void permanentFailureOfAnAsyncEventFailsTheInvocationSoLambdaRetriesAndDeadLetters() {
        EventFunction<JsonNode> rejecting = new EventFunction<>() {
            @Override
            public void handle(Event<JsonNode> event, Context context) {
                throw new PermanentFailure("unknown build " + event.data().get("build-id"));
            }
        };
        assertThatThrownBy(() -> invoke(new LambdaHandler(rejecting), Fixtures.bytes("codebuild-state-change.json")))
                .isInstanceOf(InvocationFailedException.class)
                .hasMessageContaining("failed permanently; Lambda will retry the invocation, then send it to the on-failure destination")
                .hasCauseInstanceOf(PermanentFailure.class);
    }

    @Test
    void undecodableAsyncEventFailsTheInvocationSoLambdaRetriesAndDeadLetters() {
        FailOnMarker function = new FailOnMarker();
        String sns = Fixtures.text("sns-event.json").replace("\"Message\": \"Hello from SNS!\",", "");
        assertThatThrownBy(() -> invoke(new LambdaHandler(function), sns.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvocationFailedException.class)
                .hasCauseInstanceOf(EventDecodingException.class);
        assertThat(function.seen).isEmpty();
    }

    @Test
    void eventBridgeCustomEventDeliversDetail() throws Exception {
        Envelopes details = new Envelopes();
        invoke(new LambdaHandler(details), Fixtures.bytes("ecr-image-push-event.json"));
        assertThat(details.seen.get(0).get("repository-name").textValue()).isEqualTo("my-repository-name");
    }

    @Test
    void s3NotificationReachesAStorageFunction() throws Exception {
        Uploads uploads = new Uploads();
        invoke(new LambdaHandler(uploads), Fixtures.bytes("s3-event.json"));
        assertThat(uploads.seen.get(0).data().size()).isEqualTo(1024L);
    }
}
