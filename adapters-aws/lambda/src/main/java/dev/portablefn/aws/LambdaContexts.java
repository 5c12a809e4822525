package dev.portablefn.aws;

import dev.portablefn.api.Context;
import dev.portablefn.api.Provider;
import dev.portablefn.api.TraceContext;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.runtime.internal.trace.TraceHeaders;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Builds the portable {@link Context} from Lambda's: request id, function name, the deadline from
 * the remaining time, and the trace. The trace comes from the request's {@code traceparent} or
 * {@code X-Amzn-Trace-Id} header for HTTP, else from the X-Ray header the runtime client publishes
 * (system property {@code com.amazonaws.xray.traceHeader}, then environment {@code _X_AMZN_TRACE_ID}).
 */
final class LambdaContexts {

    static final String XRAY_SYSTEM_PROPERTY = "com.amazonaws.xray.traceHeader";
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
                .trace(trace(request))
                .clock(clock)
                .nativeContext(lambda)
                .build();
    }

    /**
     * Works out the trace: the request's {@code traceparent} or {@code X-Amzn-Trace-Id}, else the X-Ray header the
     * runtime publishes for this invocation (it changes with the next one, so it is read now), or {@code null}.
     */
    private TraceContext trace(HttpRequest request) {
        String traceparent = request == null ? null : request.header("traceparent").orElse(null);
        String amznTraceId = request == null ? null : request.header("x-amzn-trace-id").orElse(null);
        return TraceHeaders.firstOf(traceparent, amznTraceId, null)
                .or(() -> {
                    String xRay = systemProperties.apply(XRAY_SYSTEM_PROPERTY);
                    if (xRay == null || xRay.isEmpty()) {
                        xRay = environment.apply(XRAY_ENVIRONMENT_VARIABLE);
                    }
                    return TraceHeaders.fromXRay(xRay);
                })
                .orElse(null);
    }
}
