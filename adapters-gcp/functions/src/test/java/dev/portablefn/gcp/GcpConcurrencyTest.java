package dev.portablefn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.doubles.concurrency.ConcurrentInvocations;
import dev.portablefn.doubles.gcp.FakeCloudEvent;
import dev.portablefn.doubles.gcp.FakeHttpRequest;
import dev.portablefn.doubles.gcp.FakeHttpResponse;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * One entry instance serving many invocations at once, as the Functions Framework runs it with concurrency above 1
 * (Cloud Run functions, 2nd gen): every invocation sees its own request id, trace and MDC, never another's.
 */
class GcpConcurrencyTest {

    private static final ObjectMapper JSON = JacksonCodec.standard().mapper();
    private static final int THREADS = 8;
    private static final int PER_THREAD = 200;
    private static final int INVOCATIONS = THREADS * PER_THREAD;

    /** What a function saw of its invocation, from the context and from the MDC. */
    record Seen(String requestId, String traceId, String mdcRequestId, String mdcTraceId, String payload) {
        static Seen now(Context context, String payload) {
            return new Seen(context.requestId(), context.traceId().orElse(null), MDC.get(Context.MDC_REQUEST_ID),
                    MDC.get(Context.MDC_TRACE_ID), payload);
        }

        static Seen expected(int invocation, String payload) {
            return new Seen(GcpConcurrencyTest.requestId(invocation), GcpConcurrencyTest.traceId(invocation),
                    GcpConcurrencyTest.requestId(invocation), GcpConcurrencyTest.traceId(invocation),
                    payload);
        }
    }

    private static String traceId(int invocation) {
        return String.format("%032x", 0x2000L + invocation);
    }

    private static String traceparent(int invocation) {
        return "00-" + traceId(invocation) + "-00f067aa0ba902b7-01";
    }

    private static String requestId(int invocation) {
        return "exec-" + invocation;
    }

    @Test
    void concurrentHttpInvocationsEachSeeTheirOwnExecutionIdTraceAndMdc() throws Exception {
        HttpFunction echo = (request, context) -> HttpResponse.ok()
                .json(Seen.now(context, request.query().first("n").orElse("") + ":" + request.bodyAsString()));
        GcpHttpFunction entry = new GcpHttpFunction(echo);
        Map<Integer, FakeHttpResponse> responses = new ConcurrentHashMap<>();

        ConcurrentInvocations.run(THREADS, PER_THREAD, invocation -> {
            FakeHttpResponse response = new FakeHttpResponse();
            entry.service(FakeHttpRequest.builder("POST", "/echo?n=" + invocation)
                    .header("Function-Execution-Id", requestId(invocation)).header("traceparent", traceparent(invocation))
                    .header("Content-Type", "text/plain").body("body-" + invocation).build(), response);
            responses.put(invocation, response);
        });

        assertThat(responses).hasSize(INVOCATIONS);
        responses.forEach((invocation, response) -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(read(response.body())).as("invocation %d", invocation)
                    .isEqualTo(Seen.expected(invocation, invocation + ":body-" + invocation));
        });
    }

    @Test
    void concurrentCloudEventsEachSeeTheirOwnEventIdTraceAndMdc() throws Exception {
        Map<String, Seen> seenByEvent = new ConcurrentHashMap<>();
        EventFunction<String> recorder = new EventFunction<>() {
            @Override
            public void handle(Event<String> event, Context context) {
                seenByEvent.put(event.id(), Seen.now(context, event.data()));
            }
        };
        GcpCloudEventFunction entry = new GcpCloudEventFunction(recorder);

        ConcurrentInvocations.run(THREADS, PER_THREAD, invocation -> entry.accept(pubsub(invocation)));

        assertThat(seenByEvent).hasSize(INVOCATIONS);
        for (int invocation = 0; invocation < INVOCATIONS; invocation++) {
            assertThat(seenByEvent.get(requestId(invocation))).as("invocation %d", invocation)
                    .isEqualTo(Seen.expected(invocation, "message-" + invocation));
        }
    }

    private static FakeCloudEvent pubsub(int invocation) {
        String base64 = Base64.getEncoder().encodeToString(("message-" + invocation).getBytes(StandardCharsets.UTF_8));
        String data = "{\"message\":{\"data\":\"" + base64 + "\",\"attributes\":{}},"
                + "\"subscription\":\"projects/p/subscriptions/s\"}";
        return FakeCloudEvent.builder().id(requestId(invocation)).source("//pubsub.googleapis.com/projects/p/topics/t")
                .type("google.cloud.pubsub.topic.v1.messagePublished").dataContentType("application/json")
                .extension("traceparent", traceparent(invocation)).data(data.getBytes(StandardCharsets.UTF_8)).build();
    }

    private static Seen read(byte[] json) {
        try {
            return JSON.readValue(json, Seen.class);
        } catch (IOException e) {
            throw new AssertionError("not a Seen: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }
}
