package dev.portablefn.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.Provider;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.batch.Ordering;
import dev.portablefn.api.event.DocumentChange;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.runtime.internal.Decoded;
import dev.portablefn.runtime.internal.ProviderDecoder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AwsDecoderTest {

    private final AwsDecoder decoder = new AwsDecoder();

    private HttpRequest http(String file) {
        Decoded decoded = decoder.decode(Fixtures.bytes(file));
        assertThat(decoded).isInstanceOf(Decoded.Http.class);
        return ((Decoded.Http) decoded).request();
    }

    private Decoded.Events events(String file) {
        Decoded decoded = decoder.decode(Fixtures.bytes(file));
        assertThat(decoded).isInstanceOf(Decoded.Events.class);
        return (Decoded.Events) decoded;
    }

    private static String text(Object data) {
        return new String((byte[]) data, StandardCharsets.UTF_8);
    }

    @Test
    void isFoundByServiceLoaderForAws() {
        assertThat(ServiceLoader.load(ProviderDecoder.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(found -> {
                    assertThat(found).isInstanceOf(AwsDecoder.class);
                    assertThat(found.provider()).isEqualTo(Provider.AWS);
                });
    }

    @Test
    void decodesRestApiProxyRequest() {
        HttpRequest request = http("apigw-request.json");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/hello/world");
        assertThat(request.queryParameter("name")).contains("me");
        assertThat(request.header("content-type")).contains("application/json");
        assertThat(request.header("X-Forwarded-For")).contains("54.240.196.186, 54.182.214.83");
        assertThat(request.pathParameter("proxy")).contains("hello/world");
        assertThat(request.remoteAddress()).contains("192.168.196.186");
        assertThat(request.bodyAsString()).isEqualTo("{\r\n\t\"a\": 1\r\n}");
        assertThat(request.unwrap(JsonNode.class).path("resource").asText()).isEqualTo("/{proxy+}");
    }

    @Test
    void decodesHttpApiPayloadV1LikeRestApi() {
        String v1 = Fixtures.text("apigw-request.json").replaceFirst("\\{", "{\"version\": \"1.0\",");
        HttpRequest request = ((Decoded.Http) decoder.decode(v1.getBytes(StandardCharsets.UTF_8))).request();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/hello/world");
        assertThat(request.query().all("name")).containsExactly("me");
    }

    @ParameterizedTest
    @CsvSource({"apigw-v2-request-iam.json, GET", "apigw-v2-request-jwt-authorizer.json, GET",
            "apigw-v2-request-lambda-authorizer.json, GET"})
    void decodesHttpApiPayloadV2(String file, String method) {
        HttpRequest request = http(file);
        assertThat(request.method()).isEqualTo(method);
        assertThat(request.path()).isEqualTo("/my/path");
        assertThat(request.query().all("parameter1")).containsExactly("value1", "value2");
        assertThat(request.queryParameter("parameter2")).contains("value");
        assertThat(request.header("header1")).contains("value1");
        assertThat(request.header("cookie")).contains("cookie1; cookie2");
        assertThat(request.pathParameter("proxy")).contains("hello/world");
        assertThat(request.bodyAsString()).isEqualTo("{\r\n\t\"a\": 1\r\n}");
    }

    @Test
    void decodesHttpApiPayloadV2WithoutAuthorizer() {
        HttpRequest request = http("apigw-v2-request-no-authorizer.json");
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/");
        assertThat(request.query().isEmpty()).isTrue();
        assertThat(request.header("x-amzn-trace-id")).contains("Root=1-5e9f0c65-1de4d666d4dd26aced652b6c");
        assertThat(request.remoteAddress()).isPresent();
    }

    @Test
    void decodesFunctionUrlRequest() {
        HttpRequest request = http("lambda-urls-request.json");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/my/path");
        assertThat(request.header("header2")).contains("value1,value2");
        assertThat(request.query().all("parameter1")).containsExactly("value1", "value2");
        assertThat(request.remoteAddress()).contains("123.123.123.123");
        assertThat(request.bodyAsString()).isEqualTo("Hello from client!");
    }

    @ParameterizedTest
    @CsvSource({"alb-lambda-target-request-headers-only.json, 25.12.198.67",
            "alb-lambda-target-request-multivalue-headers.json, 72.21.198.67"})
    void decodesAlbRequestInBothHeaderModes(String file, String forwardedFor) {
        HttpRequest request = http(file);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/");
        assertThat(request.queryParameter("key")).contains("hello");
        assertThat(request.header("x-forwarded-for")).contains(forwardedFor);
        assertThat(request.header("x-myheader")).contains("123");
        assertThat(request.bodyLength()).isZero();
    }

    @Test
    void decodesAlbQueryAndPathStillEncoded() {
        String alb = "{\"requestContext\":{\"elb\":{\"targetGroupArn\":\"arn\"}},\"httpMethod\":\"GET\","
                + "\"path\":\"/a%20b\",\"queryStringParameters\":{\"q\":\"x%2By+z\"},\"headers\":{},\"body\":\"aGk=\","
                + "\"isBase64Encoded\":true}";
        HttpRequest request = ((Decoded.Http) decoder.decode(alb.getBytes(StandardCharsets.UTF_8))).request();
        assertThat(request.path()).isEqualTo("/a b");
        assertThat(request.rawPath()).isEqualTo("/a%20b");
        assertThat(request.queryParameter("q")).contains("x+y z");
        assertThat(request.bodyAsString()).isEqualTo("hi");
    }

    @Test
    void decodesSqsMessageWithAttributesAndDeliveryAttempt() {
        Decoded.Events decoded = events("sqs-event.json");
        assertThat(decoded.batch()).isTrue();
        assertThat(decoded.ordering()).isEqualTo(Ordering.UNORDERED);
        Event<?> event = decoded.events().get(0);
        assertThat(event.trigger()).isEqualTo(Trigger.QUEUE);
        assertThat(event.id()).isEqualTo("MessageID_1");
        assertThat(event.source()).isEqualTo("arn:aws:sqs:us-west-2:123456789012:SQSQueue");
        assertThat(event.type()).isEqualTo("aws:sqs");
        assertThat(text(event.data())).isEqualTo("Message Body");
        assertThat(event.deliveryAttempt()).hasValue(2);
        assertThat(event.time()).contains(Instant.ofEpochMilli(1520621625029L));
        assertThat(event.attributes()).containsEntry("Attribute1", "AttributeValue1")
                .containsEntry("Attribute2", "123").containsEntry("Attribute3", "MTEwMA==")
                .doesNotContainKey(EventRecords.MESSAGE_GROUP_ID);
        assertThat(event.unwrap(JsonNode.class).path("receiptHandle").asText()).isEqualTo("MessageReceiptHandle");
    }

    @Test
    void decodesFifoSqsAsOrderedWithGroupId() {
        byte[] fifo = Fixtures.records(2, i -> Fixtures.sqsRecord("m" + i, "{\"n\":" + i + "}",
                "arn:aws:sqs:us-east-1:1:orders.fifo", "group-a"));
        Decoded.Events decoded = (Decoded.Events) decoder.decode(fifo);
        assertThat(decoded.ordering()).isEqualTo(Ordering.ORDERED);
        assertThat(decoded.events()).extracting(Event::id).containsExactly("m0", "m1");
        assertThat(decoded.events().get(1).attribute(EventRecords.MESSAGE_GROUP_ID)).contains("group-a");
    }

    @Test
    void decodesSnsNotification() {
        Decoded.Events decoded = events("sns-event.json");
        assertThat(decoded.batch()).isFalse();
        Event<?> event = decoded.events().get(0);
        assertThat(event.trigger()).isEqualTo(Trigger.TOPIC);
        assertThat(event.id()).isEqualTo("95df01b4-ee98-5cb9-9903-4c221d41eb5e");
        assertThat(event.source()).isEqualTo("arn:aws:sns:EXAMPLE");
        assertThat(event.subject()).contains("TestInvoke");
        assertThat(event.time()).contains(Instant.parse("2015-06-03T17:43:27.123Z"));
        assertThat(text(event.data())).isEqualTo("Hello from SNS!");
        assertThat(event.attributes()).containsEntry("Test", "TestString").containsEntry("TestBinary", "TestBinary");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3-event.json", "s3-event-with-decoded.json"})
    void decodesS3NotificationWithUrlDecodedKey(String file) {
        Event<?> event = events(file).events().get(0);
        assertThat(event.trigger()).isEqualTo(Trigger.STORAGE);
        assertThat(event.type()).isEqualTo("aws:s3:ObjectCreated:Put");
        assertThat(event.source()).isEqualTo("arn:aws:s3:::mybucket");
        assertThat(event.subject()).contains("Happy Face.jpg");
        assertThat(event.time()).contains(Instant.parse("1970-01-01T00:00:00.123Z"));
        StorageObject object = (StorageObject) event.data();
        assertThat(object.bucket()).isEqualTo("sourcebucket");
        assertThat(object.key()).isEqualTo("Happy Face.jpg");
        assertThat(object.size()).isEqualTo(1024L);
        assertThat(object.etag()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(object.change()).isEqualTo(StorageObject.Change.CREATED);
        assertThat(event.attribute("versionId")).contains("version");
    }

    @Test
    void decodesS3KeyPlusAsSpace() {
        String s3 = Fixtures.text("s3-event.json").replace("Happy%20Face.jpg", "reports/Q1+2024%2Bfinal.csv")
                .replace("ObjectCreated:Put", "ObjectRemoved:Delete");
        Decoded.Events decoded = (Decoded.Events) decoder.decode(s3.getBytes(StandardCharsets.UTF_8));
        StorageObject object = (StorageObject) decoded.events().get(0).data();
        assertThat(object.key()).isEqualTo("reports/Q1 2024+final.csv");
        assertThat(object.change()).isEqualTo(StorageObject.Change.DELETED);
    }

    @Test
    void decodesKinesisRecordsInOrderBySequenceNumber() {
        Decoded.Events decoded = events("kinesis-event.json");
        assertThat(decoded.batch()).isTrue();
        assertThat(decoded.ordering()).isEqualTo(Ordering.ORDERED);
        Event<?> first = decoded.events().get(0);
        assertThat(first.trigger()).isEqualTo(Trigger.STREAM);
        assertThat(first.id()).isEqualTo("49568167373333333333333333333333333333333333333333333333");
        assertThat(first.source()).isEqualTo("arn:aws:kinesis:us-east-1:123456789012:stream/simple-stream");
        assertThat(text(first.data())).isEqualTo("Hello World");
        assertThat(first.attributes()).containsEntry(EventRecords.PARTITION_KEY, "s1")
                .containsEntry(EventRecords.SEQUENCE_NUMBER, "49568167373333333333333333333333333333333333333333333333");
        assertThat(first.time()).contains(Instant.ofEpochSecond(1480641523L, 477_000_000L));
        assertThat(decoded.events().get(1).id()).isEqualTo("49568167373333333334444444444444444444444444444444444444");
    }

    @Test
    void decodesDynamoDbStreamImagesToPlainJson() {
        Decoded.Events decoded = events("dynamodb-event.json");
        assertThat(decoded.ordering()).isEqualTo(Ordering.ORDERED);
        Event<?> second = decoded.events().get(1);
        assertThat(second.trigger()).isEqualTo(Trigger.DATABASE);
        assertThat(second.id()).isEqualTo("1405400000000002063282832");
        assertThat(second.type()).isEqualTo("aws:dynamodb:INSERT");
        assertThat(second.time()).contains(Instant.ofEpochSecond(1480642020L));
        @SuppressWarnings("unchecked")
        DocumentChange<JsonNode> change = (DocumentChange<JsonNode>) second.data();
        assertThat(change.collection()).isEqualTo("Example-Table");
        assertThat(change.kind()).isEqualTo(DocumentChange.Kind.CREATED);
        assertThat(change.key()).isEqualTo(Map.of("val", "data", "key", "binary"));
        assertThat(change.before()).isNull();
        JsonNode after = change.after();
        assertThat(after.get("String").textValue()).isEqualTo("Hello");
        assertThat(after.get("IntegerNumber").longValue()).isEqualTo(123L);
        assertThat(after.get("FloatNumber").decimalValue()).isEqualByComparingTo(new BigDecimal("123.45"));
        assertThat(after.get("Boolean").booleanValue()).isTrue();
        assertThat(after.get("Null").isNull()).isTrue();
        assertThat(after.get("Binary").textValue()).isEqualTo("AAEqQQ==");
        assertThat(after.get("Map").get("Age").intValue()).isEqualTo(35);
        assertThat(after.get("List").get(2).decimalValue()).isEqualByComparingTo(new BigDecimal("3.14159"));
        assertThat(after.get("StringSet")).extracting(JsonNode::textValue).containsExactly("Giraffe", "Zebra");
        assertThat(after.get("NumberSet").get(1).decimalValue()).isEqualByComparingTo(new BigDecimal("567.8"));
        assertThat(after.get("EmptyStringSet").isEmpty()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"codebuild-state-change.json, aws.codebuild, CodeBuild Build State Change, build-status, SUCCEEDED",
            "ecr-image-push-event.json, aws.ecr, ECR Image Action, action-type, PUSH"})
    void decodesEventBridgeEventsOfOtherServicesAsCustom(String file, String source, String type, String field,
                                                         String value) {
        Event<?> event = events(file).events().get(0);
        assertThat(event.trigger()).isEqualTo(Trigger.CUSTOM);
        assertThat(event.source()).isEqualTo(source);
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.attribute("account")).contains("123456789012");
        assertThat(((JsonNode) event.data()).get(field).asText()).isEqualTo(value);
    }

    @Test
    void decodesScheduledEventAsScheduleTick() {
        String scheduled = "{\"version\":\"0\",\"id\":\"53dc4d37\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"aws.events\",\"account\":\"123456789012\",\"time\":\"2015-10-08T16:53:06Z\","
                + "\"region\":\"us-east-1\",\"resources\":[\"arn:aws:events:us-east-1:123456789012:rule/nightly\"],"
                + "\"detail\":{}}";
        Event<?> event = ((Decoded.Events) decoder.decode(scheduled.getBytes(StandardCharsets.UTF_8))).events().get(0);
        assertThat(event.trigger()).isEqualTo(Trigger.SCHEDULE);
        assertThat(event.data()).isEqualTo(new ScheduleTick(Instant.parse("2015-10-08T16:53:06Z"), "nightly"));
    }

    @Test
    void decodesSchedulerInputWithContextAttributesAsScheduleTickWithItsAttempt() {
        String input = "{\"version\":\"0\",\"id\":\"d32c5kddcf5bb8c3\",\"source\":\"aws.scheduler\","
                + "\"detail-type\":\"Scheduled Event\",\"time\":\"2026-12-03T02:00:00Z\","
                + "\"resources\":[\"arn:aws:scheduler:us-east-1:123456789012:schedule/default/nightly-report\"],"
                + "\"detail\":{\"attempt-number\":\"2\"}}";
        Event<?> event = ((Decoded.Events) decoder.decode(input.getBytes(StandardCharsets.UTF_8))).events().get(0);
        assertThat(event.trigger()).isEqualTo(Trigger.SCHEDULE);
        assertThat(event.id()).isEqualTo("d32c5kddcf5bb8c3");
        assertThat(event.data()).isEqualTo(new ScheduleTick(Instant.parse("2026-12-03T02:00:00Z"), "nightly-report"));
        assertThat(event.deliveryAttempt()).hasValue(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"<aws.scheduler.attempt-number>\"", "\"0\"", "\"one\"", "true"})
    void rejectsASchedulerAttemptThatIsNotANumberFromOne(String attempt) {
        String input = "{\"id\":\"e-1\",\"source\":\"aws.scheduler\",\"detail-type\":\"Scheduled Event\","
                + "\"time\":\"2026-12-03T02:00:00Z\",\"detail\":{\"attempt-number\":" + attempt + "}}";
        assertThatThrownBy(() -> decoder.decode(input.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("EventBridge event detail: 'attempt-number'");
    }

    @Test
    void rejectsASchedulerInputWhoseTimeWasNotFilledIn() {
        String input = "{\"id\":\"e-1\",\"source\":\"aws.scheduler\",\"detail-type\":\"Scheduled Event\","
                + "\"time\":\"<aws.scheduler.scheduled-time>\",\"detail\":{}}";
        assertThatThrownBy(() -> decoder.decode(input.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("time");
    }

    @Test
    void decodesS3EventBridgeEventAsStorage() {
        String s3 = "{\"version\":\"0\",\"id\":\"17793124\",\"detail-type\":\"Object Created\",\"source\":\"aws.s3\","
                + "\"account\":\"1\",\"time\":\"2021-11-12T00:00:00Z\",\"region\":\"ca-central-1\",\"resources\":"
                + "[\"arn:aws:s3:::example-bucket\"],\"detail\":{\"version\":\"0\",\"bucket\":{\"name\":\"example-bucket\"},"
                + "\"object\":{\"key\":\"a b.txt\",\"size\":5,\"etag\":\"b1946ac9\",\"version-id\":\"v1\"},"
                + "\"reason\":\"PutObject\"}}";
        Event<?> event = ((Decoded.Events) decoder.decode(s3.getBytes(StandardCharsets.UTF_8))).events().get(0);
        assertThat(event.trigger()).isEqualTo(Trigger.STORAGE);
        assertThat(event.data()).isEqualTo(new StorageObject("example-bucket", "a b.txt", 5L, null, "b1946ac9",
                StorageObject.Change.CREATED, Instant.parse("2021-11-12T00:00:00Z"), Map.of()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "kafka-event.json|Kafka events",
            "cloudwatch-logs-event.json|CloudWatch Logs subscription events"})
    void rejectsUnsupportedSourcesWithClearError(String file, String message) {
        assertThatThrownBy(() -> decoder.decode(Fixtures.bytes(file)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining(message)
                .hasMessageContaining("not supported");
    }

    @Test
    void everyEventFixtureDecodesOrIsRejectedOnPurpose() {
        List<String> rejected = List.of("kafka-event.json", "cloudwatch-logs-event.json");
        for (String file : Fixtures.EVENT_FILES) {
            if (rejected.contains(file)) {
                continue;
            }
            assertThat(decoder.decode(Fixtures.bytes(file))).as(file).isNotNull();
        }
    }
}
