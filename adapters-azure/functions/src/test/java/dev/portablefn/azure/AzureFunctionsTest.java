package dev.portablefn.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.azure.functions.HttpMethod;
import dev.portablefn.api.BatchFunction;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.batch.BatchResult;
import dev.portablefn.api.event.DocumentChange;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.doubles.azure.FakeExecutionContext;
import dev.portablefn.doubles.azure.FakeHttpRequestMessage;
import dev.portablefn.doubles.azure.FakeHttpResponseMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AzureFunctionsTest {

    record OrderPlaced(String orderId, double total) {
    }

    /** Records every event an event function receives, failing the ids it is told to. */
    static final class Recorder implements EventFunction<Object> {
        final List<Event<Object>> events = Collections.synchronizedList(new ArrayList<>());
        final List<Context> contexts = Collections.synchronizedList(new ArrayList<>());
        final Map<String, RuntimeException> failures;

        Recorder(Map<String, RuntimeException> failures) {
            this.failures = failures;
        }

        @Override
        public void handle(Event<Object> event, Context context) {
            events.add(event);
            contexts.add(context);
            RuntimeException failure = failures.get(event.id());
            if (failure != null) {
                throw failure;
            }
        }
    }

    private static SampleFunctions functions(Recorder recorder) {
        return new SampleFunctions(AzureFunctions.of(PortableFunction.event(Object.class, recorder)));
    }

    private static FakeExecutionContext context(String function) {
        return contextFor(function).build();
    }

    private static FakeExecutionContext.Builder contextFor(String function) {
        return FakeExecutionContext.builder().invocationId("inv-" + function).functionName(function);
    }

    @Test
    void httpRoundTripKeepsStatusMultiValueHeadersAndBinaryBody() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        List<String> seen = new ArrayList<>();
        SampleFunctions functions = new SampleFunctions(AzureFunctions.of(PortableFunction.http((request, ctx) -> {
            seen.add(request.method() + " " + request.path() + " " + request.rawPath() + " " + request.query().all("tag")
                    + " " + request.headers().first("x-request").orElse("-") + " " + request.bodyAsString());
            return HttpResponse.status(201).header("X-Multi", "a").header("X-Multi", "b").body(png, "image/png");
        })));

        FakeHttpResponseMessage response = (FakeHttpResponseMessage) functions.api(FakeHttpRequestMessage.binary("POST",
                "https://app.azurewebsites.net/api/courses/a%20b?tag=x&tag=y%20z", Map.of("X-Request", "r1"),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8)), context("api"));

        assertThat(seen).containsExactly("POST /courses/a b /api/courses/a%20b [x, y z] r1 {\"a\":1}");
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeader("X-Multi")).isEqualTo("a, b");
        assertThat(response.getHeader("Content-Type")).isEqualTo("image/png");
        assertThat((byte[]) response.getBody()).containsExactly(png);
    }

    @Test
    void httpStringBodyAndUnusualStatusAreCarried() {
        SampleFunctions functions = new SampleFunctions(AzureFunctions.of(PortableFunction.http(
                (request, ctx) -> HttpResponse.status(299).text("got " + request.bodyAsString()))));

        FakeHttpResponseMessage response = (FakeHttpResponseMessage) functions.apiText(FakeHttpRequestMessage.text("PUT",
                "http://localhost:7071/api/echo", Map.of(), "hello"), context("apiText"));

        assertThat(response.getStatusCode()).isEqualTo(299);
        assertThat(new String((byte[]) response.getBody(), StandardCharsets.UTF_8)).isEqualTo("got hello");
    }

    @Test
    void httpFailureBecomesProblemWithoutLeakingTheMessage() {
        SampleFunctions functions = new SampleFunctions(AzureFunctions.of(PortableFunction.http((request, ctx) -> {
            throw new IllegalStateException("database password is hunter2");
        })));

        FakeHttpResponseMessage response = (FakeHttpResponseMessage) functions.api(FakeHttpRequestMessage.binary("GET",
                "https://app.azurewebsites.net/api/x", Map.of(), null), context("api"));

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(new String((byte[]) response.getBody(), StandardCharsets.UTF_8)).doesNotContain("hunter2")
                .contains("inv-api");
    }

    @Test
    void aMissingMethodIsReportedAsA400ProblemWithoutTheDecodersMessageWhenTheMethodIsRead() {
        AzureFunctions azure = AzureFunctions.of(PortableFunction.http((request, ctx) -> HttpResponse.ok().text(request.method())));

        FakeHttpResponseMessage response = (FakeHttpResponseMessage) azure.http(FakeHttpRequestMessage.bind(
                FakeHttpRequestMessage.HostRequest.incomplete(null, "https://x/api"), (byte[]) null), context("api"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(new String((byte[]) response.getBody(), StandardCharsets.UTF_8))
                .contains("The request could not be read.").doesNotContain("HTTP method is missing");
    }

    @Test
    void aRequestUrlWithAMalformedEscapeTheWorkerCannotParseIsA400NotA500() {
        AzureFunctions azure = AzureFunctions.of(PortableFunction.http((request, ctx) -> HttpResponse.ok().text(request.path())));

        FakeHttpResponseMessage response = (FakeHttpResponseMessage) azure.http(FakeHttpRequestMessage.bind(
                FakeHttpRequestMessage.HostRequest.incomplete("GET", "http://localhost:7071/api/orders/%zz"), (byte[]) null),
                context("api"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(new String((byte[]) response.getBody(), StandardCharsets.UTF_8))
                .contains("The request could not be read.").doesNotContain("Malformed escape");
    }

    @Test
    void theMethodAndUriAreWorkedOutOnlyWhenTheFunctionReadsThem() {
        java.util.concurrent.atomic.AtomicInteger uriCalls = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger methodCalls = new java.util.concurrent.atomic.AtomicInteger();
        List<String> seen = new ArrayList<>();
        AzureFunctions reading = AzureFunctions.of(PortableFunction.http((request, ctx) -> {
            seen.add(request.method() + " " + request.path() + " " + request.queryParameter("page").orElse("-"));
            return HttpResponse.ok();
        }));
        AzureFunctions notReading = AzureFunctions.of(PortableFunction.http((request, ctx) -> HttpResponse.ok()));
        FakeHttpRequestMessage<String> worker = FakeHttpRequestMessage.text("GET",
                "https://x/api/courses?page=2", Map.of(), null);
        com.microsoft.azure.functions.HttpRequestMessage<Optional<String>> request =
                new com.microsoft.azure.functions.HttpRequestMessage<>() {
                    @Override
                    public java.net.URI getUri() {   // the worker parses its URL string on every call
                        uriCalls.incrementAndGet();
                        return worker.getUri();
                    }

                    @Override
                    public HttpMethod getHttpMethod() {   // the worker looks the method up on every call
                        methodCalls.incrementAndGet();
                        return worker.getHttpMethod();
                    }

                    @Override
                    public Map<String, String> getHeaders() {
                        return worker.getHeaders();
                    }

                    @Override
                    public Map<String, String> getQueryParameters() {
                        return worker.getQueryParameters();
                    }

                    @Override
                    public Optional<String> getBody() {
                        return worker.getBody();
                    }

                    @Override
                    public com.microsoft.azure.functions.HttpResponseMessage.Builder createResponseBuilder(
                            com.microsoft.azure.functions.HttpStatus status) {
                        return worker.createResponseBuilder(status);
                    }

                    @Override
                    public com.microsoft.azure.functions.HttpResponseMessage.Builder createResponseBuilder(
                            com.microsoft.azure.functions.HttpStatusType status) {
                        return worker.createResponseBuilder(status);
                    }
                };

        notReading.http(request, context("api"));
        assertThat(uriCalls).hasValue(0);
        assertThat(methodCalls).hasValue(0);
        reading.http(request, context("api"));
        assertThat(uriCalls).hasValue(1);
        assertThat(methodCalls).hasValue(1);
        assertThat(seen).containsExactly("GET /courses 2");
    }

    @Test
    void aMissingUriIsReportedWhenThePathIsRead() {
        AzureFunctions azure = AzureFunctions.of(PortableFunction.http((request, ctx) -> HttpResponse.ok().text(request.path())));

        FakeHttpResponseMessage response = (FakeHttpResponseMessage) azure.http(FakeHttpRequestMessage.bind(
                FakeHttpRequestMessage.HostRequest.incomplete("GET", null), (byte[]) null),
                context("api"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(new String((byte[]) response.getBody(), StandardCharsets.UTF_8))
                .contains("The request could not be read.").doesNotContain("request URI is missing");
    }

    @Test
    void routePrefixCanBeChangedOrKept() {
        List<String> paths = new ArrayList<>();
        AzureFunctions azure = AzureFunctions.of(PortableFunction.http((request, ctx) -> {
            paths.add(request.path());
            return HttpResponse.ok();
        }));
        azure.withRoutePrefix("").http(FakeHttpRequestMessage.binary("GET", "https://x/api/a", Map.of(), null), context("a"));
        azure.withRoutePrefix("/v1/").http(FakeHttpRequestMessage.binary("GET", "https://x/v1/b", Map.of(), null), context("a"));

        assertThat(paths).containsExactly("/api/a", "/b");
    }

    @Test
    void queueMessageBindsTypedDataWithDeliveryAttemptAndTime() {
        List<Event<OrderPlaced>> seen = new ArrayList<>();
        SampleFunctions functions = new SampleFunctions(AzureFunctions.of(
                PortableFunction.event(OrderPlaced.class, (EventFunction<OrderPlaced>) (event, ctx) -> seen.add(event))));

        functions.orders("{\"orderId\":\"1807\",\"total\":42.5}", "msg-1", 2, "\"2019-10-09T17:58:31+00:00\"", context("orders"));

        Event<OrderPlaced> event = seen.get(0);
        assertThat(event.data()).isEqualTo(new OrderPlaced("1807", 42.5));
        assertThat(event.id()).isEqualTo("msg-1");
        assertThat(event.trigger()).isEqualTo(Trigger.QUEUE);
        assertThat(event.deliveryAttempt()).hasValue(2);
        assertThat(event.time()).contains(Instant.parse("2019-10-09T17:58:31Z"));
        assertThat(event.source()).isEqualTo("azure://functions/orders/queue");
        assertThat(event.unwrap(String.class)).isEqualTo("{\"orderId\":\"1807\",\"total\":42.5}");
    }

    @Test
    void queueFailuresAreThrownSoTheHostRetriesAndPoisons() {
        RetryableException flaky = new RetryableException("downstream timed out");
        PermanentFailure rejected = new PermanentFailure("order 9 does not exist");
        Recorder recorder = new Recorder(Map.of("m-flaky", flaky, "m-rejected", rejected));
        SampleFunctions functions = functions(recorder);
        FakeExecutionContext context = context("orders");

        assertThatThrownBy(() -> functions.orders("x", "m-flaky", 1, null, context)).isSameAs(flaky);
        assertThatThrownBy(() -> functions.orders("x", "m-rejected", 5, null, context)).isSameAs(rejected);
        functions.orders("x", "m-ok", 1, null, context);

        assertThat(recorder.events).extracting(Event::id).containsExactly("m-flaky", "m-rejected", "m-ok");
        assertThat(context.logs()).extracting(LogRecord::getLevel).containsOnly(Level.SEVERE);
        assertThat(context.logs().get(0).getMessage()).contains("m-flaky", "poison");
    }

    @Test
    void queueMessageThatDoesNotBindIsThrownAsPermanentFailure() {
        SampleFunctions functions = new SampleFunctions(AzureFunctions.of(
                PortableFunction.event(OrderPlaced.class, (EventFunction<OrderPlaced>) (event, ctx) -> { })));

        InvalidInputException thrown = catchThrowableOfType(InvalidInputException.class,
                () -> functions.orders("{\"orderId\":", "m-bad", 1, null, context("orders")));

        assertThat(thrown.getMessage()).contains("m-bad", "not valid JSON");
    }

    @Test
    void serviceBusTopicMessageCarriesPropertiesDeliveryCountAndTrigger() {
        Recorder recorder = new Recorder(Map.of());
        functions(recorder).notifications("hello", "sb-1", 3, "2024-03-01T10:05:00",
                "{\"tenant\":\"contoso\",\"priority\":3,\"tags\":[\"a\"]}", context("notifications"));

        Event<Object> event = recorder.events.get(0);
        assertThat(event.trigger()).isEqualTo(Trigger.TOPIC);
        assertThat(event.data()).isEqualTo("hello");
        assertThat(event.deliveryAttempt()).hasValue(3);
        assertThat(event.time()).contains(Instant.parse("2024-03-01T10:05:00Z"));
        assertThat(event.attributes()).containsEntry("tenant", "contoso").containsEntry("priority", "3")
                .containsEntry("tags", "[\"a\"]").containsEntry("deliveryCount", "3");
    }

    @Test
    void serviceBusQueueFailureIsThrownForDeadLettering() {
        RuntimeException boom = new IllegalStateException("boom");
        Recorder recorder = new Recorder(Map.of("sb-2", boom));

        assertThatThrownBy(() -> functions(recorder).payments("x", "sb-2", 10, null, null, context("payments"))).isSameAs(boom);
        assertThat(recorder.events.get(0).trigger()).isEqualTo(Trigger.QUEUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventgrid-blob-created.json", "cloudevents-blob-created.json"})
    void blobCreatedInEitherSchemaBecomesStorageObject(String fixture) {
        Recorder recorder = new Recorder(Map.of());
        String payload = Fixtures.text(fixture);

        functions(recorder).uploads(payload, context("uploads"));

        Event<Object> event = recorder.events.get(0);
        StorageObject object = (StorageObject) event.data();
        assertThat(event.trigger()).isEqualTo(Trigger.STORAGE);
        assertThat(event.type()).isEqualTo("Microsoft.Storage.BlobCreated");
        assertThat(object.bucket()).isEqualTo("uploads");
        assertThat(object.change()).isEqualTo(StorageObject.Change.CREATED);
        if (fixture.startsWith("eventgrid")) {
            assertThat(object.key()).isEqualTo("reports/2024 q1.pdf");
            assertThat(object.size()).isEqualTo(524288L);
            assertThat(object.etag()).isEqualTo("\"0x8D4BCC2E4835CD0\"");
            assertThat(object.contentType()).isEqualTo("application/pdf");
            assertThat(object.updated()).isEqualTo(Instant.parse("2017-06-26T18:41:00.9584103Z"));
            assertThat(event.id()).isEqualTo("831e1650-001e-001b-66ab-eeb76e069631");
            assertThat(event.attributes()).containsEntry("api", "PutBlockList").containsEntry("blobType", "BlockBlob");
        } else {
            assertThat(object.key()).isEqualTo("images/cat.png");
            assertThat(object.size()).isEqualTo(30699L);
            assertThat(object.contentType()).isEqualTo("image/png");
            assertThat(event.source()).endsWith("/storageAccounts/myaccount");
            assertThat(event.attributes()).containsEntry("dataschema", "#").containsEntry("api", "PutBlob");
        }
    }

    @Test
    void customTopicEventsBindToTheFunctionType() {
        List<Event<OrderPlaced>> seen = new ArrayList<>();
        SampleFunctions functions = new SampleFunctions(AzureFunctions.of(
                PortableFunction.event(OrderPlaced.class, (EventFunction<OrderPlaced>) (event, ctx) -> seen.add(event))));

        functions.uploads(Fixtures.text("eventgrid-custom-topic.json"), context("uploads"));

        assertThat(seen).extracting(Event::data).containsExactly(new OrderPlaced("1807", 42.5), new OrderPlaced("1808", 7));
        assertThat(seen.get(0).trigger()).isEqualTo(Trigger.TOPIC);
        assertThat(seen.get(0).subject()).contains("orders/1807");
        assertThat(seen.get(0).attributes()).containsEntry("dataVersion", "1.0");
    }

    @Test
    void blobTriggerMapsPathPropertiesMetadataAndContent() {
        Recorder recorder = new Recorder(Map.of());
        byte[] content = "hello, blob".getBytes(StandardCharsets.UTF_8);

        functions(recorder).inbox(content, "samples-workitems/inbox/hello.txt",
                "https://myaccount.blob.core.windows.net/samples-workitems/inbox/hello.txt",
                "{\"ContentType\":\"text/plain\",\"Length\":11,\"ETag\":\"\\\"0x8DC\\\"\",\"LastModified\":\"2024-03-01T10:09:00+00:00\"}",
                "{\"owner\":\"ada\"}", context("inbox"));

        Event<Object> event = recorder.events.get(0);
        StorageObject object = (StorageObject) event.data();
        assertThat(object).isEqualTo(new StorageObject("samples-workitems", "inbox/hello.txt", 11L, "text/plain", "\"0x8DC\"",
                StorageObject.Change.CREATED, Instant.parse("2024-03-01T10:09:00Z"), Map.of("owner", "ada")));
        assertThat(event.unwrap(byte[].class)).containsExactly(content);
        assertThat(event.id()).isEqualTo("samples-workitems/inbox/hello.txt@\"0x8DC\"");
    }

    @Test
    void timerTickUsesTheFiringOccurrenceAndFlagsPastDue() {
        Recorder recorder = new Recorder(Map.of());
        String timerInfo = "{\"Schedule\":{\"AdjustForDST\":true},\"ScheduleStatus\":{\"Last\":\"2024-03-01T01:55:00+00:00\","
                + "\"Next\":\"2024-03-01T02:00:00+00:00\",\"LastUpdated\":\"2024-03-01T01:55:00+00:00\"},\"IsPastDue\":true}";

        functions(recorder).nightly(timerInfo, context("nightly"));

        Event<Object> event = recorder.events.get(0);
        assertThat(event.trigger()).isEqualTo(Trigger.SCHEDULE);
        assertThat(event.data()).isEqualTo(new ScheduleTick(Instant.parse("2024-03-01T02:00:00Z"), "nightly"));
        assertThat(event.attributes()).containsEntry("pastDue", "true").containsEntry("lastScheduled", "2024-03-01T01:55:00Z");
        assertThat(event.id()).isEqualTo("nightly@2024-03-01T02:00:00Z");
    }

    @Test
    void firstTimerRunWithoutStatusUsesTheInvocationTime() {
        Recorder recorder = new Recorder(Map.of());
        Instant now = Instant.parse("2024-05-05T05:05:05Z");
        AzureFunctions azure = AzureFunctions.of(PortableFunction.event(Object.class, recorder))
                .withClock(Clock.fixed(now, ZoneOffset.UTC));

        azure.timer("{\"Schedule\":{},\"IsPastDue\":false}", contextFor("nightly").retryCount(1).build());

        assertThat(((ScheduleTick) recorder.events.get(0).data()).scheduledTime()).isEqualTo(now);
        assertThat(recorder.events.get(0).attributes()).containsEntry("pastDue", "false");
        assertThat(recorder.events.get(0).deliveryAttempt()).hasValue(2);
    }

    private static String[] telemetry(int count) {
        String[] messages = new String[count];
        for (int i = 0; i < count; i++) {
            messages[i] = "{\"n\":" + i + "}";
        }
        return messages;
    }

    private static String systemProperties(int count) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("{\"SequenceNumber\":").append(100 + i).append(",\"Offset\":\"")
                    .append(4096 * i).append("\",\"PartitionKey\":\"k").append(i)
                    .append("\",\"EnqueuedTimeUtc\":\"2024-03-01T10:00:0").append(i % 10).append("Z\"}");
        }
        return json.append(']').toString();
    }

    private static final String PARTITION = "{\"FullyQualifiedNamespace\":\"ns.servicebus.windows.net\",\"EventHubName\":\"telemetry\","
            + "\"ConsumerGroup\":\"$Default\",\"PartitionId\":\"0\"}";

    @Test
    void eventHubsBatchStopsAtTheFirstFailureAndReportsItAndEverythingAfter() {
        RuntimeException third = new RetryableException("record 3 failed");
        RuntimeException seventh = new RetryableException("record 7 failed");
        Recorder recorder = new Recorder(Map.of("0:103", third, "0:107", seventh));

        RetryableException thrown = catchThrowableOfType(RetryableException.class, () -> functions(recorder)
                .telemetry(telemetry(10), PARTITION, systemProperties(10), null, context("telemetry")));

        assertThat(recorder.events).extracting(Event::id).containsExactly("0:100", "0:101", "0:102", "0:103");
        assertThat(thrown.getCause()).isSameAs(third);
        assertThat(thrown.getMessage()).contains("record 3 (0:103) failed retryably", "offset=12288", "sequenceNumber=103",
                "9 [id=0:109", "SKIPPED", "@ExponentialBackoffRetry").doesNotContain("0:102");
        for (int i = 4; i < 10; i++) {
            assertThat(thrown.getMessage()).contains(i + " [id=0:10" + i);
        }
    }

    @Test
    void eventHubsBatchFunctionFailuresAreNormalisedToOrderedReporting() {
        BatchFunction<Object> batch = (events, ctx) -> BatchResult.failed(List.of(events.get(3).id(), events.get(7).id()));
        AzureFunctions azure = AzureFunctions.of(PortableFunction.batch(Object.class, batch));

        RetryableException thrown = catchThrowableOfType(RetryableException.class, () -> new SampleFunctions(azure)
                .telemetry(telemetry(10), PARTITION, systemProperties(10), null, context("telemetry")));

        assertThat(thrown.getMessage()).contains("record 3 (0:103)", "7 [id=0:107", "9 [id=0:109").doesNotContain("2 [id=0:102");
    }

    @Test
    void eventHubsMetadataBecomesAttributesInOrder() {
        Recorder recorder = new Recorder(Map.of());

        functions(recorder).telemetry(telemetry(2), PARTITION, systemProperties(2),
                "[{\"source\":\"gw-1\"},{}]", contextFor("telemetry").retryCount(0).build());

        Event<Object> first = recorder.events.get(0);
        assertThat(first.trigger()).isEqualTo(Trigger.STREAM);
        assertThat(first.source()).isEqualTo("sb://ns.servicebus.windows.net/telemetry");
        assertThat(first.data()).isEqualTo("{\"n\":0}");
        assertThat(first.time()).contains(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(first.deliveryAttempt()).hasValue(1);
        assertThat(first.attributes()).containsEntry("partitionId", "0").containsEntry("sequenceNumber", "100")
                .containsEntry("offset", "0").containsEntry("partitionKey", "k0").containsEntry("source", "gw-1")
                .containsEntry("consumerGroup", "$Default");
        assertThat(recorder.events.get(1).attributes()).containsEntry("offset", "4096").doesNotContainKey("source");
    }

    @Test
    void cosmosDocumentsBecomeDocumentChangesInOrder() {
        List<Event<DocumentChange<JsonNode>>> seen = new ArrayList<>();
        java.lang.reflect.Type type = new com.fasterxml.jackson.core.type.TypeReference<DocumentChange<JsonNode>>() { }.getType();
        SampleFunctions functions = new SampleFunctions(AzureFunctions.of(PortableFunction.event(type,
                (EventFunction<DocumentChange<JsonNode>>) (event, ctx) -> seen.add(event))));
        String documents = Fixtures.text("invocation-cosmos.json");
        String array = documents.substring(documents.indexOf('['), documents.lastIndexOf(']') + 1);

        functions.courses(array, context("courses"));

        assertThat(seen).extracting(Event::id).containsExactly("course-1@12", "course-2@13");
        DocumentChange<JsonNode> change = seen.get(0).data();
        assertThat(change.collection()).isEqualTo("courses");
        assertThat(change.key()).containsExactly(Map.entry("id", "course-1"));
        assertThat(change.kind()).isEqualTo(DocumentChange.Kind.UPSERTED);
        // binding to DocumentChange<JsonNode> turns the absent before-image into a JSON null
        assertThat(change.before() == null || change.before().isNull()).isTrue();
        assertThat(change.after().get("title").asText()).isEqualTo("Algebra");
        assertThat(seen.get(0).time()).contains(Instant.ofEpochSecond(1709287664));
        assertThat(seen.get(0).trigger()).isEqualTo(Trigger.DATABASE);
    }

    @Test
    void contextCarriesInvocationTraceAndALoggerBridgedToTheInvocationLog() {
        List<String> seen = new ArrayList<>();
        SampleFunctions functions = new SampleFunctions(AzureFunctions.of(PortableFunction.event(Object.class,
                (EventFunction<Object>) (event, ctx) -> {
                    seen.add(ctx.requestId() + " " + ctx.functionName() + " " + ctx.provider() + " " + ctx.traceId().orElse("-")
                            + " " + ctx.deadline().isPresent()
                            + " " + ctx.unwrap(com.microsoft.azure.functions.ExecutionContext.class).getInvocationId());
                    ctx.logger().info("handled {} of {}", event.id(), 3);
                    ctx.logger().debug("detail");
                })));
        FakeExecutionContext context = contextFor("orders").invocationId("inv-7")
                .traceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").build();

        functions.orders("x", "m-7", 1, null, context);

        assertThat(seen).containsExactly("inv-7 orders AZURE 0af7651916cd43dd8448eb211c80319c false inv-7");
        assertThat(context.logs()).extracting(LogRecord::getLevel, LogRecord::getMessage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Level.INFO, "handled m-7 of 3"),
                        org.assertj.core.groups.Tuple.tuple(Level.FINE, "detail"));
        assertThat(context.logs().get(0).getLoggerName()).isEqualTo("dev.portablefn.function.orders");
    }

    @Test
    void malformedTraceparentIsIgnoredNotFatal() {
        Recorder recorder = new Recorder(Map.of());
        functions(recorder).orders("x", "m", 1, null, contextFor("orders").traceparent("00-zz-yy-01").build());

        assertThat(recorder.contexts.get(0).trace()).isEmpty();
        assertThat(recorder.contexts.get(0).provider()).isEqualTo(Provider.AZURE);
    }

    @Test
    void malformedInputIsThrownAsDecodingErrorAndLoggedNeverSwallowed() {
        Recorder recorder = new Recorder(Map.of());
        SampleFunctions functions = functions(recorder);
        FakeExecutionContext context = context("any");

        assertThatThrownBy(() -> functions.uploads("{not json", context))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("Event Grid event is not valid JSON");
        assertThatThrownBy(() -> functions.uploads("{\"id\":\"1\",\"topic\":\"t\"}", context))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("no 'eventType'");
        assertThatThrownBy(() -> functions.nightly("[]", context))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("TimerInfo must be a JSON object");
        assertThatThrownBy(() -> functions.telemetry(telemetry(3), PARTITION, systemProperties(2), null, context))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("'SystemPropertiesArray' has 2 entries for 3");
        assertThatThrownBy(() -> functions.courses("[{\"title\":\"no id\"}]", context))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("document 0: 'id' is missing");
        assertThatThrownBy(() -> functions.orders("x", null, 1, null, context))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("@BindingName(\"Id\")");
        assertThatThrownBy(() -> functions.orders("x", "m", 1, "yesterday", context))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("'InsertionTime' is not an ISO-8601 timestamp");
        assertThatThrownBy(() -> functions.inbox(new byte[0], "no-slash", null, null, null, context))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("names a container and blob");

        assertThat(recorder.events).isEmpty();
        assertThat(context.logs()).hasSize(8).allSatisfy(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(record.getMessage()).contains("could not be decoded");
        });
    }

    @Test
    void factoriesAcceptEveryFunctionShape() {
        System.setProperty(PortableFunction.SYSTEM_PROPERTY, Recorder.class.getName() + "Missing");
        try {
            assertThatThrownBy(AzureFunctions::fromEnvironment).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("was not found");
        } finally {
            System.clearProperty(PortableFunction.SYSTEM_PROPERTY);
        }
        assertThat(AzureFunctions.of(new Recorder(Map.of())).toString()).contains("EVENT");
        assertThat(Set.of(AzureFunctions.of((dev.portablefn.api.HttpFunction) (r, c) -> HttpResponse.ok()).toString()))
                .allSatisfy(text -> assertThat(text).contains("HTTP"));
    }
}
