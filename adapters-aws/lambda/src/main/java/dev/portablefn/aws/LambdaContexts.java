package dev.portablefn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.Provider;
import dev.portablefn.api.TraceContext;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.runtime.internal.trace.TraceHeaders;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Builds the portable {@link Context} from Lambda's: request id, function name, the deadline from
 * the remaining time, and the trace. The trace comes from the request's {@code traceparent} or
 * {@code X-Amzn-Trace-Id} header for HTTP; for events, from the first record that carries one, as a
 * {@code traceparent} message attribute or SQS's {@code AWSTraceHeader} system attribute, so a subscriber
 * continues its publisher's trace; else from the X-Ray header the runtime client publishes (system property
 * {@code com.amazonaws.xray.traceHeader}, then environment {@code _X_AMZN_TRACE_ID}).
 */
final class LambdaContexts {

    static final String XRAY_SYSTEM_PROPERTY = "com.amazonaws.xray.traceHeader";
    static final String TRACEPARENT = "traceparent";
    static final String XRAY_ENVIRONMENT_VARIABLE = "_X_AMZN_TRACE_ID";

    private final String defaultFunctionName;
    private final UnaryOperator<String> systemProperties;
    private final UnaryOperator<String> environment;
    private final Clock clock;

    LambdaContexts(String defaultFunctionName, UnaryOperator<String> systemProperties,
                   UnaryOperator<String> environment, Clock clock) {
        this.defaultFunctionName = defaultFunctionName;
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.clock = clock;
    }

    static LambdaContexts fromRuntime(String defaultFunctionName) {
        return new LambdaContexts(defaultFunctionName, System::getProperty, System::getenv, Clock.systemUTC());
    }

    /**
     * @param lambda  Lambda's context; {@code null} when invoked outside Lambda (local tools)
     * @param request the HTTP request, for its trace headers, or {@code null}
     */
    Context of(com.amazonaws.services.lambda.runtime.Context lambda, HttpRequest request) {
        return build(lambda, requestTrace(request).or(this::runtimeTrace).orElse(null));
    }

    /**
     * @param lambda  Lambda's context; {@code null} when invoked outside Lambda (local tools)
     * @param records the invocation's records, for the trace their messages carry
     */
    Context ofRecords(com.amazonaws.services.lambda.runtime.Context lambda, List<AwsPayload.Record> records) {
        return build(lambda, recordTrace(records).or(this::runtimeTrace).orElse(null));
    }

    private Context build(com.amazonaws.services.lambda.runtime.Context lambda, TraceContext trace) {
        String requestId = lambda == null ? null : lambda.getAwsRequestId();
        String functionName = lambda == null ? null : lambda.getFunctionName();
        Instant deadline = null;
        if (lambda != null) {
            deadline = clock.instant().plusMillis(Math.max(0, lambda.getRemainingTimeInMillis()));
        }
        if (functionName == null || functionName.isEmpty()) {
            String fromEnvironment = environment.apply("AWS_LAMBDA_FUNCTION_NAME");
            functionName = fromEnvironment == null || fromEnvironment.isEmpty() ? defaultFunctionName : fromEnvironment;
        }
        return Context.builder()
                .provider(Provider.AWS)
                .requestId(requestId == null || requestId.isEmpty() ? "local-" + UUID.randomUUID() : requestId)
                .functionName(functionName)
                .deadline(deadline)
                .trace(trace)
                .clock(clock)
                .nativeContext(lambda)
                .build();
    }

    private static Optional<TraceContext> requestTrace(HttpRequest request) {
        if (request == null) {
            return Optional.empty();
        }
        return TraceHeaders.firstOf(request.header(TRACEPARENT).orElse(null),
                request.header("x-amzn-trace-id").orElse(null), null);
    }

    /** The first trace a record's message carries: its {@code traceparent} attribute, else SQS's X-Ray header. */
    private static Optional<TraceContext> recordTrace(List<AwsPayload.Record> records) {
        for (AwsPayload.Record record : records) {
            Event<?> event = record.event();
            if (event == null) {
                continue;
            }
            Optional<TraceContext> trace = TraceHeaders.fromTraceparent(event.attribute(TRACEPARENT).orElse(null));
            // EventRecords.sqs keeps the raw record, whose system attributes hold the X-Ray header.
            if (trace.isEmpty() && "aws:sqs".equals(event.type())) {
                trace = TraceHeaders.fromXRay(event.unwrap(JsonNode.class).path("attributes").path("AWSTraceHeader")
                        .textValue());
            }
            if (trace.isPresent()) {
                return trace;
            }
        }
        return Optional.empty();
    }

    /** The X-Ray header the runtime publishes for this invocation (it changes with the next one, so it is read now). */
    private Optional<TraceContext> runtimeTrace() {
        String xRay = systemProperties.apply(XRAY_SYSTEM_PROPERTY);
        if (xRay == null || xRay.isEmpty()) {
            xRay = environment.apply(XRAY_ENVIRONMENT_VARIABLE);
        }
        return TraceHeaders.fromXRay(xRay);
    }
}
