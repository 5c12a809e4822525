package dev.portablefn.bench.baseline.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.bench.baseline.BaselineMdc;
import dev.portablefn.bench.work.Order;
import dev.portablefn.bench.work.OrderBook;
import dev.portablefn.bench.work.Receipt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The hand-written Lambda handler the AWS adapter is compared with: plain Jackson, one static
 * {@link ObjectMapper}, HTTP API v2 requests and SQS batches with {@code batchItemFailures}, as a
 * developer would write it without a library.
 */
public final class BaselineLambdaHandler implements RequestStreamHandler {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final OrderBook book;

    /** Records SQS orders in a fresh book. */
    public BaselineLambdaHandler() {
        this(new OrderBook());
    }

    /** @param book where SQS orders are recorded */
    public BaselineLambdaHandler(OrderBook book) {
        this.book = book;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode root = MAPPER.readTree(input);
        if (root.has("Records")) {
            sqs(root, output);
        } else if (!BaselineMdc.ON) {
            http(root, output);
        } else {
            BaselineMdc.putXRay(context.getAwsRequestId(), root.path("headers").path("x-amzn-trace-id").asText(null),
                    context.getFunctionName(), "AWS");
            try {
                http(root, output);
            } finally {
                BaselineMdc.clear();
            }
        }
    }

    private void http(JsonNode root, OutputStream output) throws IOException {
        String text = root.path("body").asText("");
        byte[] body = root.path("isBase64Encoded").asBoolean()
                ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        ObjectNode response = MAPPER.createObjectNode();
        try {
            Receipt receipt = Receipt.of(MAPPER.readValue(body, Order.class));
            response.put("statusCode", 200);
            response.putObject("headers").put("content-type", "application/json");
            response.put("body", MAPPER.writeValueAsString(receipt));
        } catch (IOException malformed) {
            badRequest(response);
        }
        response.put("isBase64Encoded", false);
        MAPPER.writeValue(output, response);
    }

    /** @param response the API Gateway response to fill with the 400 both hand-written handlers answer bad JSON with */
    static void badRequest(ObjectNode response) {
        response.put("statusCode", 400);
        response.putObject("headers").put("content-type", "application/problem+json");
        response.put("body", "{\"status\":400,\"title\":\"Bad Request\"}");
    }

    private void sqs(JsonNode root, OutputStream output) throws IOException {
        ObjectNode response = MAPPER.createObjectNode();
        ArrayNode failures = response.putArray("batchItemFailures");
        for (JsonNode record : root.get("Records")) {
            try {
                book.record(MAPPER.readValue(record.path("body").asText(), Order.class));
            } catch (IOException | RuntimeException failed) {
                failures.addObject().put("itemIdentifier", record.path("messageId").asText());
            }
        }
        MAPPER.writeValue(output, response);
    }
}
