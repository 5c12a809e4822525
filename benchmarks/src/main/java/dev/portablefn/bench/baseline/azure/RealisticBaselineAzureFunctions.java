package dev.portablefn.bench.baseline.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.TraceContext;
import dev.portablefn.bench.baseline.BaselineMdc;
import dev.portablefn.bench.baseline.BaselineProblem;
import dev.portablefn.bench.baseline.BaselineRoute;
import dev.portablefn.bench.baseline.BaselineValidation;
import dev.portablefn.bench.realistic.work.NewOrder;
import dev.portablefn.bench.realistic.work.OrderDesk;
import java.util.List;
import java.util.Optional;

/**
 * The hand-written Azure Functions methods (an HTTP trigger on {@code {*path}} and a Queue Storage trigger) the
 * realistic Azure benchmark compares the adapter with: {@code POST /orders/{customerId}} routed by hand after the
 * host's {@code /api} prefix, bodies bound with Jackson and validated with Hibernate Validator, the MDC filled from
 * the execution context and cleared after. An invalid queue message throws, so the host retries and poisons it.
 */
public final class RealisticBaselineAzureFunctions {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String ROUTE_PREFIX = "/api";

    private final OrderDesk desk;

    /** @param desk takes and records the orders */
    public RealisticBaselineAzureFunctions(OrderDesk desk) {
        this.desk = desk;
    }

    /**
     * @param request the HTTP trigger request
     * @param context the invocation context
     * @return the confirmation as JSON, or a problem
     */
    public HttpResponseMessage http(HttpRequestMessage<Optional<String>> request, ExecutionContext context) {
        putContext(context);
        try {
            return handle(request);
        } finally {
            BaselineMdc.clear();
        }
    }

    private static void putContext(ExecutionContext context) {
        TraceContext trace = context.getTraceContext();
        BaselineMdc.putTraceparent(context.getInvocationId(), trace == null ? null : trace.getTraceparent(),
                context.getFunctionName(), "AZURE");
    }

    private HttpResponseMessage handle(HttpRequestMessage<Optional<String>> request) {
        String rawPath = request.getUri().getRawPath();
        String path = rawPath.startsWith(ROUTE_PREFIX + "/") ? rawPath.substring(ROUTE_PREFIX.length()) : rawPath;
        String customerId = BaselineRoute.customerId(path);
        if (customerId == null) {
            return problem(request, BaselineProblem.notFound(path)).build();
        }
        HttpMethod method = request.getHttpMethod();
        if (method != HttpMethod.POST) {
            return problem(request, BaselineProblem.methodNotAllowed(method.name(), path, BaselineRoute.ALLOWED))
                    .header("Allow", BaselineRoute.ALLOWED).build();
        }
        NewOrder order;
        try {
            order = MAPPER.readValue(request.getBody().orElse(""), NewOrder.class);
        } catch (JsonProcessingException malformed) {
            order = null;
        }
        if (order == null) {
            return problem(request, BaselineProblem.badRequest("request body is not a valid NewOrder", List.of())).build();
        }
        BaselineProblem invalid = BaselineValidation.problemWith(order, "request body");
        if (invalid != null) {
            return problem(request, invalid).build();
        }
        try {
            return request.createResponseBuilder(HttpStatus.OK)
                    .header("Content-Type", "application/json")
                    .body(MAPPER.writeValueAsBytes(desk.accept(customerId, order)))
                    .build();
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("cannot write the confirmation", unwritable);
        }
    }

    private static HttpResponseMessage.Builder problem(HttpRequestMessage<Optional<String>> request, BaselineProblem problem) {
        try {
            return request.createResponseBuilder(HttpStatus.valueOf(problem.status()))
                    .header("Content-Type", BaselineProblem.MEDIA_TYPE)
                    .body(MAPPER.writeValueAsBytes(problem));
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("cannot write the problem", unwritable);
        }
    }

    /**
     * @param message the queue message text
     * @param id      the message's {@code Id} metadata
     * @param context the invocation context
     * @throws JsonProcessingException  when the message is not JSON, so the host retries and poisons it
     * @throws IllegalArgumentException when the order breaks a constraint, likewise
     */
    public void queue(String message, String id, ExecutionContext context) throws JsonProcessingException {
        putContext(context);
        BaselineMdc.putEventId(id);
        try {
            NewOrder order = MAPPER.readValue(message, NewOrder.class);
            if (order == null || !BaselineValidation.isValid(order)) {
                throw new IllegalArgumentException("queue message " + id + " is not a valid order");
            }
            desk.record(order);
        } finally {
            BaselineMdc.removeEventId();
            BaselineMdc.clear();
        }
    }
}
