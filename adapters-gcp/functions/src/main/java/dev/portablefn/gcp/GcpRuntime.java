package dev.portablefn.gcp;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.runtime.internal.DeadLetters;
import dev.portablefn.runtime.internal.DeferredContext;
import dev.portablefn.runtime.internal.FunctionRunner;
import dev.portablefn.runtime.internal.Outcome;
import dev.portablefn.runtime.internal.trace.TraceHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every entry class builds once per instance: the runner, the event decoder and the function name;
 * and the one place event outcomes are reported the Functions Framework's way.
 */
final class GcpRuntime {

    private final FunctionRunner runner;
    private final CloudEventDecoder decoder;
    private final String functionName;
    private final Logger functionLogger;

    GcpRuntime(PortableFunction function, Map<String, String> environment) {
        this.runner = FunctionRunner.of(function);
        this.decoder = new CloudEventDecoder(runner.codec());
        this.functionName = functionName(environment, function);
        this.functionLogger = LoggerFactory.getLogger("dev.portablefn.function." + functionName);
    }

    /** Cloud Run functions set K_SERVICE; gen1 sets FUNCTION_TARGET (and the older FUNCTION_NAME). */
    static String functionName(Map<String, String> environment, PortableFunction function) {
        for (String variable : new String[] {"K_SERVICE", "FUNCTION_TARGET", "FUNCTION_NAME"}) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return function.name();
    }

    FunctionRunner runner() {
        return runner;
    }

    String functionName() {
        return functionName;
    }

    /**
     * The context of an HTTP invocation. Request id and trace are read from the headers on first use: a function
     * nobody asks them of (no MDC, no logging of ids) neither looks them up nor generates an id. The request id is
     * the execution id the platform sends, or a generated one (Cloud Run sends none); the trace is the W3C
     * {@code traceparent}, or {@code X-Cloud-Trace-Context} without a valid one. GCP does not tell the deadline.
     */
    Context httpContext(HttpRequest request, Object nativeContext) {
        return DeferredContext.withRequestIdFrom(Provider.GCP, functionName, functionLogger, Clock.systemUTC(), nativeContext,
                () -> {
                    String executionId = request.header("function-execution-id").orElse(null);
                    return executionId == null || executionId.isBlank() ? newExecutionId() : executionId;
                },
                () -> TraceHeaders.fromTraceparent(request.header("traceparent").orElse(null))
                        .or(() -> TraceHeaders.fromCloudTraceContext(request.header("x-cloud-trace-context").orElse(null)))
                        .orElse(null));
    }

    /** The context of an event invocation: the event id is the request id; the trace is parsed on first use. */
    Context eventContext(String eventId, String traceparent, Object nativeContext) {
        return DeferredContext.withRequestId(Provider.GCP, functionName, functionLogger, Clock.systemUTC(), nativeContext,
                eventId, () -> TraceHeaders.fromTraceparent(traceparent).orElse(null));
    }

    static String newExecutionId() {
        String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return hex.length() == 16 ? hex : "0000000000000000".substring(hex.length()) + hex;
    }

    /**
     * Decodes and runs one event. Success returns, so the framework answers 200. A failure throws, so the framework
     * answers 500 and the platform redelivers (Pub/Sub until its max delivery attempts, then the dead-letter topic;
     * other triggers when retries are enabled). A permanent one (undecodable event, invalid data,
     * {@code PermanentFailure}) goes to the function's dead-letter destination instead when it has one, and is then
     * acknowledged; if that publish fails, it throws like the rest.
     *
     * @param eventId       the event id the platform sent, to name an event that cannot even be read
     * @param received      reads the event; throws {@link EventDecodingException} when it cannot
     * @param raw           the payload as received, to dead-letter an event that cannot be read
     * @param nativeContext what the framework passed, for {@code Context.unwrap}
     */
    void deliver(String eventId, Supplier<GcpCloudEvent> received, Supplier<String> raw, Object nativeContext) {
        GcpCloudEvent cloudEvent = null;
        Event<?> event;
        try {
            cloudEvent = received.get();
            event = decoder.decode(cloudEvent);
        } catch (EventDecodingException undecodable) {
            // A legacy event whose context has no eventId is named "unknown": it must still be handed back classified.
            String id = cloudEvent != null && cloudEvent.id() != null ? cloudEvent.id() : eventId;
            id = id == null || id.isEmpty() ? "unknown" : id;
            Context context = eventContext(id, cloudEvent == null ? null : cloudEvent.extensions().get("traceparent"),
                    nativeContext);
            Event<?> delivered = DeadLetters.undecodable(id,
                    cloudEvent != null && cloudEvent.source() != null ? cloudEvent.source() : "gcp", Trigger.CUSTOM,
                    cloudEvent != null ? rawData(cloudEvent) : raw.get());
            handBack(delivered, Outcome.failure(undecodable), context);
            return;
        }
        // The event's attributes hold the CloudEvent's extensions with a Pub/Sub message's attributes over them, so a
        // message published with a traceparent attribute continues the publisher's trace.
        Context context = eventContext(event.id(), event.attribute("traceparent").orElse(null), nativeContext);
        handBack(event, runner.event(event, context), context);
    }

    private void handBack(Event<?> event, Outcome outcome, Context context) {
        switch (outcome.status()) {
            case SUCCEEDED -> {
            }
            case PERMANENT_FAILURE -> {
                if (!runner.deadLetters().publish(event, outcome.failure(), context)) {
                    throw new PermanentFailure("event " + event.id() + " (" + event.type() + ") failed permanently; the"
                            + " Functions Framework answers 500 so the platform redelivers it and, after Pub/Sub's max"
                            + " delivery attempts, sends it to the subscription's dead-letter topic: " + outcome.failure(),
                            outcome.failure());
                }
            }
            case RETRYABLE_FAILURE -> throw new RetryableException("event " + event.id() + " (" + event.type()
                    + ") failed; the Functions Framework answers 500 so the platform retries it when retries are enabled",
                    outcome.failure());
        }
    }

    private static String rawData(GcpCloudEvent event) {
        if (event.jsonData() != null) {
            return event.jsonData().toString();
        }
        return event.binaryData() == null ? "" : new String(event.binaryData(), StandardCharsets.UTF_8);
    }
}
