package dev.portablefn.bench.baseline.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.bench.baseline.BaselineMdc;
import dev.portablefn.bench.baseline.BaselineProblem;
import dev.portablefn.bench.baseline.BaselineRoute;
import dev.portablefn.bench.baseline.BaselineValidation;
import dev.portablefn.bench.realistic.work.NewOrder;
import dev.portablefn.bench.realistic.work.OrderDesk;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The hand-written Lambda handler the realistic AWS benchmark compares the adapter with: HTTP API v2 requests routed
 * by hand to {@code POST /orders/{customerId}}, bound with Jackson and validated with Hibernate Validator; SQS
 * batches bound and validated per record, invalid ones reported in {@code batchItemFailures}. The MDC holds the
 * request id, trace id, function name and provider while it works (and each record's message id), as the library's.
 */
public final class RealisticBaselineLambdaHandler implements RequestStreamHandler {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final OrderDesk desk;

    /** @param desk takes and records the orders */
    public RealisticBaselineLambdaHandler(OrderDesk desk) {
        this.desk = desk;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode root = MAPPER.readTree(input);
        boolean batch = root.has("Records");
        String header = batch ? null : root.path("headers").path("x-amzn-trace-id").asText(null);
        BaselineMdc.putXRay(context.getAwsRequestId(), header != null ? header : runtimeXRay(), context.getFunctionName(),
                "AWS");
        try {
            MAPPER.writeValue(output, batch ? sqs(root) : http(root));
        } finally {
            BaselineMdc.clear();
        }
    }

    /** The X-Ray header the Lambda runtime publishes for this invocation. */
    private static String runtimeXRay() {
        String header = System.getProperty("com.amazonaws.xray.traceHeader");
        return header == null || header.isEmpty() ? System.getenv("_X_AMZN_TRACE_ID") : header;
    }

    private ObjectNode http(JsonNode root) throws IOException {
        String rawPath = root.path("rawPath").asText("/");
        String customerId = BaselineRoute.customerId(rawPath);
        if (customerId == null) {
            return ApiGatewayResponses.problem(MAPPER, BaselineProblem.notFound(rawPath));
        }
        String method = root.path("requestContext").path("http").path("method").asText();
        if (!method.equals(BaselineRoute.METHOD)) {
            ObjectNode response = ApiGatewayResponses.problem(MAPPER,
                    BaselineProblem.methodNotAllowed(method, rawPath, BaselineRoute.ALLOWED));
            ((ObjectNode) response.get("headers")).put("allow", BaselineRoute.ALLOWED);
            return response;
        }
        String text = root.path("body").asText("");
        byte[] body = root.path("isBase64Encoded").asBoolean()
                ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        NewOrder order;
        try {
            order = MAPPER.readValue(body, NewOrder.class);
        } catch (IOException malformed) {
            order = null;
        }
        if (order == null) {
            return ApiGatewayResponses.problem(MAPPER,
                    BaselineProblem.badRequest("request body is not a valid NewOrder", List.of()));
        }
        BaselineProblem invalid = BaselineValidation.problemWith(order, "request body");
        if (invalid != null) {
            return ApiGatewayResponses.problem(MAPPER, invalid);
        }
        return ApiGatewayResponses.response(MAPPER, 200, "application/json",
                MAPPER.writeValueAsString(desk.accept(customerId, order)));
    }

    private ObjectNode sqs(JsonNode root) {
        ObjectNode response = MAPPER.createObjectNode();
        ArrayNode failures = response.putArray("batchItemFailures");
        for (JsonNode record : root.get("Records")) {
            String messageId = record.path("messageId").asText();
            BaselineMdc.putEventId(messageId);
            try {
                NewOrder order = MAPPER.readValue(record.path("body").asText(), NewOrder.class);
                if (order != null && BaselineValidation.isValid(order)) {
                    desk.record(order);
                } else {
                    failures.addObject().put("itemIdentifier", messageId);
                }
            } catch (IOException | RuntimeException failed) {
                failures.addObject().put("itemIdentifier", messageId);
            } finally {
                BaselineMdc.removeEventId();
            }
        }
        return response;
    }
}
