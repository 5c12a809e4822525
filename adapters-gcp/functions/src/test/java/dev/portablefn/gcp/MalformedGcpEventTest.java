package dev.portablefn.gcp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.EventDecodingException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed GCP payloads fail with an EventDecodingException naming the event, the field and the fix. */
class MalformedGcpEventTest {

    private static final String PUBSUB = "{\"specversion\":\"1.0\",\"id\":\"m-1\",\"source\":\"//pubsub.googleapis.com/"
            + "projects/p/topics/t\",\"type\":\"google.cloud.pubsub.topic.v1.messagePublished\",\"data\":%s}";
    private static final String STORAGE = "{\"specversion\":\"1.0\",\"id\":\"s-1\",\"source\":\"//storage.googleapis.com/"
            + "projects/_/buckets/b\",\"type\":\"google.cloud.storage.object.v1.finalized\",\"data\":%s}";
    private static final String FIRESTORE = "{\"specversion\":\"1.0\",\"id\":\"f-1\",\"source\":\"//firestore.googleapis.com/"
            + "projects/p/databases/(default)\",\"type\":\"google.cloud.firestore.document.v1.written\"%s}";

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("not JSON", "{\"specversion\":", "payload is not valid JSON"),
                Arguments.of("not an object", "[1,2]", "must be a JSON object, got an array"),
                Arguments.of("neither shape", "{\"hello\":1}", "neither a CloudEvent"),
                Arguments.of("bad base64", PUBSUB.formatted("{\"message\":{\"data\":\"%%%not-base64\"}}"),
                        "'message.data' is not valid base64"),
                Arguments.of("missing message", PUBSUB.formatted("{\"subscription\":\"s\"}"), "'message' is missing"),
                Arguments.of("message is a string", PUBSUB.formatted("{\"message\":\"hello\"}"),
                        "'message' must be an object, got the string 'hello'"),
                Arguments.of("data is a number", PUBSUB.formatted("{\"message\":{\"data\":42}}"),
                        "'data' must be a string, got the number '42'"),
                Arguments.of("attribute is a number", PUBSUB.formatted("{\"message\":{\"attributes\":{\"a\":1}}}"),
                        "'attributes.a' must be a string, got the number '1'"),
                Arguments.of("delivery attempt zero", PUBSUB.formatted("{\"deliveryAttempt\":0,\"message\":{}}"),
                        "'deliveryAttempt' must be at least 1"),
                Arguments.of("pubsub data not an object", PUBSUB.formatted("\"text\""), "'data' must be an object"),
                Arguments.of("storage size not a number", STORAGE.formatted("{\"bucket\":\"b\",\"name\":\"n\",\"size\":\"big\"}"),
                        "'size' must be a whole number, got the string 'big'"),
                Arguments.of("storage name missing", STORAGE.formatted("{\"bucket\":\"b\"}"), "'name' is missing"),
                Arguments.of("storage updated not a time", STORAGE.formatted("{\"bucket\":\"b\",\"name\":\"n\",\"updated\":\"yesterday\"}"),
                        "'updated' is not an ISO-8601 timestamp: 'yesterday'"),
                Arguments.of("firestore protobuf", FIRESTORE.formatted(",\"datacontenttype\":\"application/protobuf\","
                        + "\"data_base64\":\"CgQ=\""), "--event-data-content-type=application/json"),
                Arguments.of("firestore unknown value type", FIRESTORE.formatted(",\"data\":{\"value\":{\"name\":"
                        + "\"projects/p/databases/(default)/documents/c/d\",\"fields\":{\"x\":{\"weirdValue\":1}}}}"),
                        "'x' has unknown Firestore value type 'weirdValue'"),
                Arguments.of("firestore integer not a number", FIRESTORE.formatted(",\"data\":{\"value\":{\"name\":"
                        + "\"projects/p/databases/(default)/documents/c/d\",\"fields\":{\"n\":{\"integerValue\":\"x1\"}}}}"),
                        "must be a 64-bit integer"),
                Arguments.of("firestore no document path", FIRESTORE.formatted(",\"data\":{\"value\":{\"fields\":{}}}"),
                        "cannot tell which document changed"),
                Arguments.of("wrong spec version", "{\"specversion\":\"0.3\",\"id\":\"x\",\"source\":\"s\",\"type\":\"t\"}",
                        "only CloudEvents 1.0 is supported"),
                Arguments.of("id is a number", "{\"specversion\":\"1.0\",\"id\":7,\"source\":\"s\",\"type\":\"t\"}",
                        "'id' must be a string, got the number '7'"),
                Arguments.of("missing type", "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\"}", "'type' is missing"),
                Arguments.of("object extension", "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\",\"type\":\"t\","
                        + "\"ext\":{}}", "'ext' must be a string, number or boolean"),
                Arguments.of("scheduler without time", "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\","
                        + "\"type\":\"google.cloud.scheduler.job.v1.executed\",\"data\":{}}", "'time' is missing"),
                Arguments.of("legacy unknown type", "{\"context\":{\"eventId\":\"1\",\"eventType\":\"google.foo.bar\","
                        + "\"resource\":\"x\"},\"data\":{}}", "event type 'google.foo.bar' is not supported"),
                Arguments.of("legacy without resource", "{\"context\":{\"eventId\":\"1\",\"eventType\":"
                        + "\"google.pubsub.topic.publish\"},\"data\":{}}", "'resource' is missing"),
                Arguments.of("legacy without event id", "{\"context\":{\"eventType\":\"google.pubsub.topic.publish\","
                        + "\"resource\":\"projects/p/topics/t\"},\"data\":{}}", "'eventId' is missing"),
                Arguments.of("legacy context not an object", "{\"context\":\"c\",\"data\":{}}",
                        "'context' must be an object"),
                Arguments.of("legacy bad timestamp", "{\"context\":{\"eventId\":\"1\",\"timestamp\":\"now\",\"eventType\":"
                        + "\"google.pubsub.topic.publish\",\"resource\":\"projects/p/topics/t\"},\"data\":{\"data\":\"\"}}",
                        "'timestamp' is not an ISO-8601 timestamp: 'now'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedPayloadFailsWithClearMessage(String description, String payload, String expected) {
        assertThatThrownBy(() -> new GcpDecoder().decode(payload.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining(expected);
    }
}
