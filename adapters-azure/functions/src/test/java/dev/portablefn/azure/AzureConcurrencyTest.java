package dev.portablefn.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.HttpResponseMessage;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.doubles.azure.FakeExecutionContext;
import dev.portablefn.doubles.azure.FakeHttpRequestMessage;
import dev.portablefn.doubles.concurrency.ConcurrentInvocations;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * One {@link AzureFunctions} instance serving many invocations at once, as the Java worker's thread pool runs a
 * function app's delegations: every invocation sees its own invocation id, trace and MDC, and its log lines go to
 * its own {@code ExecutionContext}, never another's.
 */
class AzureConcurrencyTest {

    private static final ObjectMapper JSON = JacksonCodec.standard().mapper();
    private static final int THREADS = 8;
    private static final int PER_THREAD = 200;
    private static final int INVOCATIONS = THREADS * PER_THREAD;

    /** What a function saw of its invocation, from the context and from the MDC. */
    record Seen(String requestId, String traceId, String mdcRequestId, String mdcTraceId, String payload) {
        static Seen now(Context context, String payload) {
            context.logger().info("handling {}", payload);
            return new Seen(context.requestId(), context.traceId().orElse(null), MDC.get(Context.MDC_REQUEST_ID),
                    MDC.get(Context.MDC_TRACE_ID), payload);
        }

        static Seen expected(int invocation, String payload) {
            String id = AzureConcurrencyTest.invocationId(invocation);
            String trace = AzureConcurrencyTest.traceId(invocation);
            return new Seen(id, trace, id, trace, payload);
        }
    }

    private static String traceId(int invocation) {
        return String.format("%032x", 0x3000L + invocation);
    }

    private static String invocationId(int invocation) {
        return "inv-" + invocation;
    }

    private static FakeExecutionContext context(int invocation) {
        return FakeExecutionContext.builder().invocationId(invocationId(invocation)).functionName("echo")
                .traceparent("00-" + traceId(invocation) + "-00f067aa0ba902b7-01").build();
    }

    private static void assertLoggedOnlyItsOwnLine(FakeExecutionContext context, String payload) {
        assertThat(context.logs()).extracting(LogRecord::getMessage).as(context.getInvocationId())
                .containsExactly("handling " + payload);
    }

    @Test
    void concurrentHttpInvocationsEachSeeTheirOwnInvocationIdTraceMdcAndLogger() throws Exception {
        HttpFunction echo = (request, context) -> HttpResponse.ok()
                .json(Seen.now(context, request.query().first("n").orElse("") + ":" + request.bodyAsString()));
        AzureFunctions functions = AzureFunctions.of(echo);
        Map<Integer, HttpResponseMessage> responses = new ConcurrentHashMap<>();
        Map<Integer, FakeExecutionContext> contexts = new ConcurrentHashMap<>();

        ConcurrentInvocations.run(THREADS, PER_THREAD, invocation -> {
            FakeExecutionContext context = context(invocation);
            contexts.put(invocation, context);
            responses.put(invocation, functions.http(FakeHttpRequestMessage.text("POST",
                    "https://app.azurewebsites.net/api/echo?n=" + invocation, Map.of("content-type", "text/plain"),
                    "body-" + invocation), context));
        });

        assertThat(responses).hasSize(INVOCATIONS);
        responses.forEach((invocation, response) -> {
            String payload = invocation + ":body-" + invocation;
            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(read((byte[]) response.getBody())).as("invocation %d", invocation)
                    .isEqualTo(Seen.expected(invocation, payload));
            assertLoggedOnlyItsOwnLine(contexts.get(invocation), payload);
        });
    }

    @Test
    void concurrentQueueMessagesEachSeeTheirOwnInvocationIdTraceMdcAndLogger() throws Exception {
        Map<String, Seen> seenByMessage = new ConcurrentHashMap<>();
        EventFunction<String> recorder = new EventFunction<>() {
            @Override
            public void handle(Event<String> event, Context context) {
                seenByMessage.put(event.id(), Seen.now(context, event.data()));
            }
        };
        AzureFunctions functions = AzureFunctions.of(recorder);
        Map<Integer, FakeExecutionContext> contexts = new ConcurrentHashMap<>();

        ConcurrentInvocations.run(THREADS, PER_THREAD, invocation -> {
            FakeExecutionContext context = context(invocation);
            contexts.put(invocation, context);
            functions.queue("message-" + invocation, "m" + invocation, 1, null, context);
        });

        assertThat(seenByMessage).hasSize(INVOCATIONS);
        for (int invocation = 0; invocation < INVOCATIONS; invocation++) {
            assertThat(seenByMessage.get("m" + invocation)).as("invocation %d", invocation)
                    .isEqualTo(Seen.expected(invocation, "message-" + invocation));
            assertLoggedOnlyItsOwnLine(contexts.get(invocation), "message-" + invocation);
        }
    }

    private static Seen read(byte[] json) {
        try {
            return JSON.readValue(json, Seen.class);
        } catch (IOException e) {
            throw new AssertionError("not a Seen: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }
}
