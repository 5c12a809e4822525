package dev.portablefn.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.azure.functions.HttpResponseMessage;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.Provider;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.doubles.gcp.FakeHttpResponse;
import dev.portablefn.runtime.json.JacksonCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Raw provider payloads through the real adapter entry points, raw responses back. */
class FunctionTesterTest {

    /** Fails "retry" retryably, "reject" permanently, and logs everything else. */
    static final class TextFunction implements EventFunction<String> {
        @Override
        public void handle(Event<String> event, Context context) {
            context.logger().info("got {}", event.data());
            if (event.data().equals("retry")) {
                throw new RetryableException("downstream is busy");
            }
            if (event.data().equals("reject")) {
                throw new PermanentFailure("cannot ever handle this");
            }
        }
    }

    static final HttpFunction HELLO = (request, context) -> {
        context.logger().info("hello {}", request.path());
        return HttpResponse.status(201).header("X-Request-Id", context.requestId())
                .header("Set-Cookie", "session=s1; Path=/").text("hello " + request.path());
    };

    private static JsonNode json(byte[] raw) throws Exception {
        return JacksonCodec.standard().readTree(raw);
    }

    @Test
    void awsSqsBatchReturnsTheBatchItemFailuresOfTheRetryableRecords() throws Exception {
        InvocationResult result = FunctionTester.aws(new TextFunction()).invoke(AwsEvents.sqs("ok", "retry", "ok"));

        JsonNode raw = json(result.rawResponse());
        assertThat(raw.get("batchItemFailures")).hasSize(1);
        assertThat(raw.get("batchItemFailures").get(0).get("itemIdentifier").asText()).isEqualTo("message-2");
        assertThat(result.failedIds()).containsExactly("message-2");
        assertThat(result.failure()).isEmpty();
        assertThat(result.logs()).extracting(CapturedLog::message).containsExactly("got ok", "got retry", "got ok");
        assertThat(result.logs().get(0).mdc()).containsEntry(Context.MDC_REQUEST_ID, "test-request-1")
                .containsEntry(Context.MDC_PROVIDER, "AWS");
    }

    @Test
    void awsAsynchronousEventThatFailsRetryablyThrowsAsLambdaRecordsIt() throws Exception {
        InvocationResult result = FunctionTester.aws(new TextFunction()).invoke(AwsEvents.sns("retry"));

        assertThat(result.failure()).isPresent();
        assertThat(result.failedIds()).containsExactly("message-1");
        JsonNode raw = json(result.rawResponse());
        assertThat(raw.get("errorType").asText()).endsWith("InvocationFailedException");
        assertThat(raw.get("errorMessage").asText()).contains("message-1");
    }

    @Test
    void awsAsynchronousEventThatFailsPermanentlyFailsTheInvocationSoLambdaRetriesAndDeadLetters() throws Exception {
        InvocationResult result = FunctionTester.aws(new TextFunction()).invoke(AwsEvents.sns("reject"));

        assertThat(result.failure()).hasValueSatisfying(failure -> assertThat(failure).hasCauseInstanceOf(PermanentFailure.class));
        assertThat(result.failedIds()).containsExactly("message-1");
        assertThat(json(result.rawResponse()).get("errorType").asText()).endsWith("InvocationFailedException");
    }

    @Test
    void awsHttpReturnsThePayload2ResponseAndItsPortableView() throws Exception {
        InvocationResult result = FunctionTester.aws(HELLO).invoke(AwsHttpEvents.apiGatewayV2(Events.http("GET", "/x")
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").build()));

        JsonNode raw = json(result.rawResponse());
        assertThat(raw.get("statusCode").asInt()).isEqualTo(201);
        assertThat(raw.get("cookies").get(0).asText()).isEqualTo("session=s1; Path=/");
        assertThat(result.http().status()).isEqualTo(201);
        assertThat(result.http().bodyAsString()).isEqualTo("hello /x");
        assertThat(result.http().cookies()).containsExactly("session=s1; Path=/");
        assertThat(result.logs()).singleElement().satisfies(line -> assertThat(line.mdc())
                .containsEntry(Context.MDC_TRACE_ID, "0af7651916cd43dd8448eb211c80319c"));
    }

    @Test
    void awsRecordedApiGatewayRequestRunsThroughTheHandler() {
        InvocationResult result = FunctionTester.aws(HELLO)
                .invoke(RecordedEvents.load("events/aws/apigw-v2-request-no-authorizer.json"));

        assertThat(result.http().status()).isEqualTo(201);
        assertThat(result.http().bodyAsString()).isEqualTo("hello /");
    }

    @Test
    void awsPayloadOfNoKnownShapeFailsTheInvocation() throws Exception {
        InvocationResult result = FunctionTester.aws(new TextFunction()).invoke("{\"what\":1}".getBytes());

        assertThat(result.failure()).isPresent();
        assertThat(json(result.rawResponse()).get("errorType").asText()).endsWith("EventDecodingException");
    }

    @Test
    void gcpCloudEventThatFailsRetryablyGetsA500SoPubSubRedelivers() {
        InvocationResult result = FunctionTester.gcp(new TextFunction()).invoke(GcpEvents.pubsub("m-1", "retry", Map.of()));

        assertThat(result.rawResponseAsString()).startsWith("HTTP/1.1 500 ");
        assertThat(result.failure()).containsInstanceOf(RetryableException.class);
        assertThat(result.failedIds()).containsExactly("m-1");
        assertThat(result.logs()).singleElement().satisfies(line -> assertThat(line.mdc())
                .containsEntry(Context.MDC_REQUEST_ID, "m-1"));
    }

    @Test
    void gcpCloudEventThatFailsPermanentlyGetsA500SoPubSubRedeliversAndDeadLetters() {
        InvocationResult result = FunctionTester.gcp(new TextFunction()).invoke(GcpEvents.pubsub("m-1", "reject", Map.of()));

        assertThat(result.rawResponseAsString()).startsWith("HTTP/1.1 500 ");
        assertThat(result.failedIds()).containsExactly("m-1");
    }

    @Test
    void gcpRawHttpRequestGetsARawHttpResponse() {
        InvocationResult result = FunctionTester.gcp(HELLO).invoke(GcpEvents.http(Events.http("GET", "/y").build()));

        assertThat(result.rawResponseAsString()).startsWith("HTTP/1.1 201 Created\r\n").containsIgnoringCase("Set-Cookie: session=s1; Path=/")
                .endsWith("\r\n\r\nhello /y");
        assertThat(result.nativeResponse(FakeHttpResponse.class)).hasValueSatisfying(
                response -> assertThat(response.statusCode()).isEqualTo(201));
        assertThat(result.http().header("X-Request-Id")).isPresent();
    }

    @Test
    void gcpStorageCloudEventReachesTheFunctionAsAStorageObject() {
        List<String> keys = new java.util.ArrayList<>();
        EventFunction<dev.portablefn.api.event.StorageObject> function = (event, context) -> keys.add(event.data().key());

        InvocationResult result = FunctionTester.gcp(dev.portablefn.api.PortableFunction.event(
                dev.portablefn.api.event.StorageObject.class, function)).invoke(GcpEvents.storage("b", "k/1.txt", 3));

        assertThat(result.succeeded()).isTrue();
        assertThat(keys).containsExactly("k/1.txt");
    }

    @Test
    void azureQueueMessageThatFailsThrowsSoTheHostRetriesIt() throws Exception {
        InvocationResult result = FunctionTester.azure(new TextFunction()).invoke(AzureEvents.queue("q-7", "retry", 3));

        JsonNode raw = json(result.rawResponse());
        assertThat(raw.get("result").get("status").asText()).isEqualTo("Failure");
        assertThat(raw.get("result").get("exception").get("message").asText()).isNotBlank();
        assertThat(result.failedIds()).containsExactly("q-7");
        assertThat(result.logs()).singleElement().satisfies(line -> assertThat(line.mdc())
                .containsEntry(Context.MDC_PROVIDER, "AZURE").containsKey(Context.MDC_REQUEST_ID));
    }

    @Test
    void azurePermanentFailureIsThrownTooSoTheMessageReachesThePoisonQueue() {
        InvocationResult result = FunctionTester.azure(new TextFunction()).invoke(AzureEvents.queue("reject"));

        assertThat(result.failure()).isPresent();
        assertThat(result.failedIds()).containsExactly("message-1");
    }

    @Test
    void azureHttpInvocationReturnsTheWorkersResponseMessage() throws Exception {
        InvocationResult result = FunctionTester.azure(HELLO).invoke(AzureEvents.http(Events.http("GET", "/z").build()));

        JsonNode http = json(result.rawResponse()).get("returnValue").get("http");
        assertThat(http.get("statusCode").asText()).isEqualTo("201");
        assertThat(http.get("body").get("string").asText()).isEqualTo("hello /z");
        assertThat(result.nativeResponse(HttpResponseMessage.class)).hasValueSatisfying(
                message -> assertThat(message.getStatusCode()).isEqualTo(201));
        assertThat(result.http().bodyAsString()).isEqualTo("hello /z");
    }

    @Test
    void azureEventGridEventRunsThroughTheEventGridDelegation() throws Exception {
        InvocationResult result = FunctionTester.azure(new TextFunction())
                .invoke(AzureEvents.eventGrid("Test.Retry", "s", "retry"));

        assertThat(result.failedIds()).containsExactly("message-1");
        assertThat(result.logs()).extracting(CapturedLog::message).containsExactly("got retry");
    }

    @ParameterizedTest
    @EnumSource(value = Provider.class, names = {"GCP", "AZURE"})
    void payloadsOfNoKnownShapeAreRejectedWithTheFix(Provider provider) {
        assertThatThrownBy(() -> FunctionTester.forProvider(provider, new TextFunction()).invoke("{\"what\":1}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(provider == Provider.GCP
                        ? "CloudEvent" : "AzureEvents");
    }

    @Test
    void localIsNotAProviderAdapter() {
        assertThatThrownBy(() -> FunctionTester.forProvider(Provider.LOCAL, HELLO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LocalCloud");
    }

    @Test
    void queueOnGcpRunsOneInvocationPerMessage() {
        InvocationResult result = FunctionTester.gcp(new TextFunction()).queue("a", "retry");

        assertThat(result.rawResponses()).hasSize(2);
        assertThatThrownBy(result::rawResponse).isInstanceOf(IllegalStateException.class).hasMessageContaining("rawResponses");
        assertThat(result.failedIds()).containsExactly("message-2");
    }
}
