package dev.portablefn.gcp;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.runtime.internal.DeferredContext;
import dev.portablefn.runtime.internal.FunctionRunner;
import dev.portablefn.runtime.internal.Outcome;
import dev.portablefn.runtime.internal.trace.TraceHeaders;
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

    private static final Logger LOG = LoggerFactory.getLogger(GcpRuntime.class);

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
     * Decodes and runs one event. A retryable outcome throws, so the framework answers 500 and the
     * platform redelivers when retries are enabled. A permanent one (undecodable event, invalid data,
     * {@code PermanentFailure}) is logged at ERROR and acknowledged: retrying the same event cannot succeed.
     */
    void deliver(Supplier<GcpCloudEvent> received, Object nativeContext) {
        Event<?> event;
        try {
            event = decoder.decode(received.get());
        } catch (EventDecodingException undecodable) {
            LOG.error("{}: dropping an event that cannot be decoded (retrying cannot fix it): {}", functionName,
                    undecodable.getMessage(), undecodable);
            return;
        }
        // The event's attributes hold the CloudEvent's extensions with a Pub/Sub message's attributes over them, so a
        // message published with a traceparent attribute continues the publisher's trace.
        Outcome outcome = runner.event(event, eventContext(event.id(), event.attribute("traceparent").orElse(null),
                nativeContext));
        switch (outcome.status()) {
            case SUCCEEDED -> {
            }
            case PERMANENT_FAILURE -> LOG.error("{}: event {} failed permanently and is acknowledged without retry: {}",
                    functionName, event.id(), outcome.failure().getMessage(), outcome.failure());
            case RETRYABLE_FAILURE -> throw new RetryableException("event " + event.id() + " (" + event.type()
                    + ") failed; the Functions Framework answers 500 so the platform retries it when retries are enabled",
                    outcome.failure());
        }
    }
}
