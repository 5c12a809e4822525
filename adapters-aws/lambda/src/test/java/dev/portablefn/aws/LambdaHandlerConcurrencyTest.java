package dev.portablefn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import dev.portablefn.doubles.concurrency.ConcurrentInvocations;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * One handler instance serving many invocations at once (Lambda's multi-concurrency environments, and any tool that
 * shares a handler between threads): every invocation sees its own request id, trace and MDC, never another's.
 */
class LambdaHandlerConcurrencyTest {

    private static final ObjectMapper JSON = JacksonCodec.standard().mapper();
    private static final int THREADS = 8;
    private static final int PER_THREAD = 200;

    /** What a function saw of its invocation, from the context and from the MDC. */
    record Seen(String requestId, String traceId, String mdcRequestId, String mdcTraceId, String payload) {
        static Seen now(Context context, String payload) {
            return new Seen(context.requestId(), context.traceId().orElse(null), MDC.get(Context.MDC_REQUEST_ID),
                    MDC.get(Context.MDC_TRACE_ID), payload);
        }
    }

    private static String traceId(int invocation) {
        return String.format("%032x", 0x1000L + invocation);
    }

    private static String traceparent(int invocation) {
        return "00-" + traceId(invocation) + "-00f067aa0ba902b7-01";
    }

    private static String requestId(int invocation) {
        return "req-" + invocation;
    }

    private static void runConcurrently(ConcurrentInvocations.Invocation invocation) {
        ConcurrentInvocations.run(THREADS, PER_THREAD, invocation);
    }

    private static byte[] httpApiRequest(int invocation) {
        ObjectNode request = JSON.createObjectNode().put("version", "2.0").put("routeKey", "$default")
                .put("rawPath", "/echo").put("rawQueryString", "n=" + invocation).put("isBase64Encoded", false)
                .put("body", "body-" + invocation);
        request.putObject("headers").put("traceparent", traceparent(invocation)).put("content-type", "text/plain");
        request.putObject("requestContext").put("requestId", "gw-" + invocation).putObject("http")
                .put("method", "POST").put("path", "/echo");
        return request.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Seen readSeen(String json) {
        try {
            return JSON.readValue(json, Seen.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a Seen: " + json, e);
        }
    }

    @Test
    void concurrentHttpInvocationsEachSeeTheirOwnRequestIdTraceAndMdc() throws Exception {
        HttpFunction echo = (request, context) -> HttpResponse.ok()
                .json(Seen.now(context, request.query().first("n").orElse("") + ":" + request.bodyAsString()));
        LambdaHandler handler = new LambdaHandler(echo);
        Map<Integer, JsonNode> responses = new ConcurrentHashMap<>();

        runConcurrently(invocation -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(httpApiRequest(invocation)), out,
                    FakeLambdaContext.of(requestId(invocation), "echo", 30_000));
            responses.put(invocation, JSON.readTree(out.toByteArray()));
        });

        assertThat(responses).hasSize(THREADS * PER_THREAD);
        responses.forEach((invocation, response) -> {
            assertThat(response.get("statusCode").intValue()).isEqualTo(200);
            Seen seen = readSeen(response.get("body").textValue());
            assertThat(seen).as("invocation %d", invocation).isEqualTo(new Seen(requestId(invocation),
                    traceId(invocation), requestId(invocation), traceId(invocation), invocation + ":body-" + invocation));
        });
        assertThat(MDC.get(Context.MDC_REQUEST_ID)).as("the test thread's MDC is untouched").isNull();
    }

    @Test
    void concurrentSqsInvocationsEachSeeTheirOwnRequestIdTraceAndMdc() throws Exception {
        Map<String, Seen> seenByMessage = new ConcurrentHashMap<>();
        EventFunction<String> recorder = new EventFunction<>() {
            @Override
            public void handle(Event<String> event, Context context) {
                seenByMessage.put(event.id(), Seen.now(context, event.data()));
            }
        };
        LambdaHandler handler = new LambdaHandler(recorder);
        Map<Integer, String> responses = new ConcurrentHashMap<>();

        runConcurrently(invocation -> {
            String record = Fixtures.sqsRecord("m" + invocation, "body-" + invocation,
                    "arn:aws:sqs:us-east-1:123456789012:orders", null).replace("\"messageAttributes\":{}",
                    "\"messageAttributes\":{\"traceparent\":{\"stringValue\":\"" + traceparent(invocation)
                            + "\",\"dataType\":\"String\"}}");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(Fixtures.records(1, i -> record)), out,
                    FakeLambdaContext.of(requestId(invocation), "orders", 30_000));
            responses.put(invocation, out.toString(StandardCharsets.UTF_8));
        });

        assertThat(responses.values()).hasSize(THREADS * PER_THREAD).containsOnly("{\"batchItemFailures\":[]}");
        assertThat(seenByMessage).hasSize(THREADS * PER_THREAD);
        for (int invocation = 0; invocation < THREADS * PER_THREAD; invocation++) {
            assertThat(seenByMessage.get("m" + invocation)).as("invocation %d", invocation).isEqualTo(new Seen(
                    requestId(invocation), traceId(invocation), requestId(invocation), traceId(invocation),
                    "body-" + invocation));
        }
    }
}
