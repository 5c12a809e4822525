package dev.portablefn.bench.baseline.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.bench.baseline.BaselineMdc;
import dev.portablefn.bench.work.Order;
import dev.portablefn.bench.work.Receipt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * The hand-written Lambda handler the cold-start variant {@code publish} compares {@code PublishingAwsHandler} with:
 * plain Jackson on the HTTP API v2 event, as {@link BaselineLambdaHandler} does, and one SNS message per invocation
 * on an {@link SnsClient} configured as {@code AwsPublisher}'s (the {@code URLConnection} HTTP client, the SDK's
 * standard retry strategy, region, credentials and endpoint from the SDK's default chains, a call timeout of at most
 * 10 s and never past the invocation's remaining time). The message is what the library sends: the receipt as JSON
 * with the request's X-Ray trace as a {@code traceparent} attribute. The topic ARN comes from
 * {@value #TOPIC_SETTING}. The client is built in the constructor, as AWS advises for hand-written handlers.
 */
public final class PublishingBaselineLambdaHandler implements RequestStreamHandler {

    /** The environment variable that holds the topic's ARN. */
    public static final String TOPIC_SETTING = "ORDERS_TOPIC_ARN";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final long CALL_TIMEOUT_CAP_MILLIS = 10_000;
    private static final long RESERVE_MILLIS = 100;

    private final SnsClient sns;
    private final String topicArn;

    /** Publishes to the topic {@value #TOPIC_SETTING} names, on a client built from the SDK's default chains. */
    public PublishingBaselineLambdaHandler() {
        this(SnsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.standardRetryStrategy()))
                .build(), System.getenv(TOPIC_SETTING));
    }

    /**
     * Publishes to the given topic with the given client (a test's).
     *
     * @param sns      the client to publish with
     * @param topicArn the topic's ARN
     */
    public PublishingBaselineLambdaHandler(SnsClient sns, String topicArn) {
        this.sns = Objects.requireNonNull(sns, "sns");
        if (topicArn == null || topicArn.isBlank()) {
            throw new IllegalStateException("set " + TOPIC_SETTING + " to the ARN of the topic the orders go to");
        }
        this.topicArn = topicArn;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode root = MAPPER.readTree(input);
        String text = root.path("body").asText("");
        byte[] body = root.path("isBase64Encoded").asBoolean()
                ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        ObjectNode response = MAPPER.createObjectNode();
        Order order;
        try {
            order = MAPPER.readValue(body, Order.class);
        } catch (IOException malformed) {
            BaselineLambdaHandler.badRequest(response);
            response.put("isBase64Encoded", false);
            MAPPER.writeValue(output, response);
            return;
        }
        String receipt = MAPPER.writeValueAsString(Receipt.of(order));
        String traceparent = BaselineMdc.traceparentOfXRay(root.path("headers").path("x-amzn-trace-id").asText(null));
        Map<String, MessageAttributeValue> attributes = traceparent == null ? Map.of() : Map.of("traceparent",
                MessageAttributeValue.builder().dataType("String").stringValue(traceparent).build());
        Duration timeout = Duration.ofMillis(Math.min(CALL_TIMEOUT_CAP_MILLIS,
                context.getRemainingTimeInMillis() - RESERVE_MILLIS));
        sns.publish(request -> request.topicArn(topicArn).message(receipt).messageAttributes(attributes)
                .overrideConfiguration(call -> call.apiCallTimeout(timeout)));
        response.put("statusCode", 200);
        response.putObject("headers").put("content-type", "application/json");
        response.put("body", receipt);
        response.put("isBase64Encoded", false);
        MAPPER.writeValue(output, response);
    }
}
