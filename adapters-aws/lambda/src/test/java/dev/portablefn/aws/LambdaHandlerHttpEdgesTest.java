package dev.portablefn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.Limits;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.HttpRouter;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * HTTP edges through the whole Lambda handler, in each source's payload and response shape: Unicode and emoji,
 * HEAD and CORS preflight OPTIONS, repeated query parameters and header values, bodies at the size limit; and
 * batches at the record limit.
 */
class LambdaHandlerHttpEdgesTest {

    private static final ObjectMapper JSON = JacksonCodec.standard().mapper();
    private static final String GREETING = "Grüße, 世界 👋🏽 — naïve café";

    /** The payload shapes the handler serves HTTP from. */
    enum Shape {
        HTTP_API, REST_API, ALB_MULTI_VALUE
    }

    /** Builds one request payload in {@code shape}; headers and query keep their order and repeated values. */
    private static byte[] request(Shape shape, String method, String path, Map<String, List<String>> query,
                                  Map<String, List<String>> headers, String body) {
        ObjectNode payload = JSON.createObjectNode();
        switch (shape) {
            case HTTP_API -> {
                payload.put("version", "2.0").put("routeKey", "$default").put("rawPath", path);
                List<String> pairs = new ArrayList<>();
                query.forEach((name, values) -> values.forEach(value -> pairs.add(name + "=" + value)));
                payload.put("rawQueryString", String.join("&", pairs));
                ObjectNode joined = payload.putObject("headers");
                // HTTP APIs join a repeated header's values with commas
                headers.forEach((name, values) -> joined.put(name, String.join(",", values)));
                payload.putObject("requestContext").put("requestId", "gw-1").putObject("http").put("method", method)
                        .put("path", path);
            }
            case REST_API, ALB_MULTI_VALUE -> {
                payload.put("httpMethod", method).put("path", path);
                ObjectNode multiHeaders = payload.putObject("multiValueHeaders");
                headers.forEach((name, values) -> values.forEach(multiHeaders.putArray(name)::add));
                ObjectNode multiQuery = payload.putObject("multiValueQueryStringParameters");
                query.forEach((name, values) -> values.forEach(multiQuery.putArray(name)::add));
                if (shape == Shape.REST_API) {
                    // REST APIs send the last value of each in the single-value maps as well
                    ObjectNode single = payload.putObject("headers");
                    headers.forEach((name, values) -> single.put(name, values.get(values.size() - 1)));
                    ObjectNode singleQuery = payload.putObject("queryStringParameters");
                    query.forEach((name, values) -> singleQuery.put(name, values.get(values.size() - 1)));
                    payload.put("resource", "/{proxy+}").putObject("requestContext").put("requestId", "rest-1")
                            .put("httpMethod", method).put("path", path);
                } else {
                    payload.putObject("requestContext").putObject("elb").put("targetGroupArn",
                            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/lambda/abc");
                }
            }
        }
        payload.put("body", body).put("isBase64Encoded", false);
        return payload.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode invoke(LambdaHandler handler, byte[] payload) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(payload), out, FakeLambdaContext.of("req-1", "edges", 30_000));
        return JSON.readTree(out.toByteArray());
    }

    private static String body(JsonNode response) {
        String body = response.path("body").asText("");
        return response.path("isBase64Encoded").asBoolean()
                ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
    }

    /** @return the values of a response header, from the multi-value map when the shape has one */
    private static List<String> header(JsonNode response, String name) {
        List<String> values = new ArrayList<>();
        JsonNode multi = response.path("multiValueHeaders").path(name);
        if (multi.isArray()) {
            multi.forEach(value -> values.add(value.textValue()));
        } else if (response.path("headers").has(name)) {
            values.add(response.path("headers").get(name).textValue());
        }
        return values;
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void unicodeAndEmojiInBodyAndHeaderValuesArriveAndReturnIntact(Shape shape) throws Exception {
        HttpFunction echo = (request, context) -> HttpResponse.ok()
                .header("X-Greeting", request.header("x-greeting").orElse("missing"))
                .text(request.bodyAsString() + " | " + request.query().first("q").orElse(""));
        Map<String, List<String>> headers = Map.of("content-type", List.of("text/plain; charset=utf-8"),
                "x-greeting", List.of(GREETING));

        JsonNode response = invoke(new LambdaHandler(echo),
                request(shape, "POST", "/greet", Map.of("q", List.of("ok")), headers, GREETING));

        assertThat(response.get("statusCode").intValue()).isEqualTo(200);
        assertThat(body(response)).isEqualTo(GREETING + " | ok");
        assertThat(header(response, "x-greeting")).containsExactly(GREETING);
    }

    /** A router behind a small CORS layer, as a function answering browsers would have. */
    private static final HttpFunction CORS_ROUTER = new HttpFunction() {
        private final HttpRouter router = HttpRouter.builder()
                .get("/items/{id}", (request, context) -> HttpResponse.ok().json(Map.of("id", request.pathParameter("id")
                        .orElse(""))))
                .post("/items", (request, context) -> HttpResponse.status(201).text("created"))
                .build();

        @Override
        public HttpResponse handle(dev.portablefn.api.http.HttpRequest request, Context context) throws Exception {
            HttpResponse response = router.handle(request, context);
            return request.header("origin").map(origin -> response.header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Methods", "GET, POST")).orElse(response);
        }
    };

    @ParameterizedTest
    @EnumSource(Shape.class)
    void headRequestGetsTheGetHeadersWithoutABody(Shape shape) throws Exception {
        JsonNode response = invoke(new LambdaHandler(CORS_ROUTER),
                request(shape, "HEAD", "/items/42", Map.of(), Map.of("accept", List.of("application/json")), ""));

        assertThat(response.get("statusCode").intValue()).isEqualTo(200);
        assertThat(body(response)).isEmpty();
        assertThat(header(response, "content-type")).singleElement().asString().startsWith("application/json");
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void corsPreflightOptionsIsAnswered204WithAllowAndTheFunctionsCorsHeaders(Shape shape) throws Exception {
        Map<String, List<String>> preflight = new LinkedHashMap<>();
        preflight.put("origin", List.of("https://shop.example"));
        preflight.put("access-control-request-method", List.of("POST"));
        preflight.put("access-control-request-headers", List.of("content-type"));

        JsonNode response = invoke(new LambdaHandler(CORS_ROUTER),
                request(shape, "OPTIONS", "/items", Map.of(), preflight, ""));

        assertThat(response.get("statusCode").intValue()).isEqualTo(204);
        assertThat(body(response)).isEmpty();
        assertThat(header(response, "allow")).containsExactly("OPTIONS, POST");
        assertThat(header(response, "access-control-allow-origin")).containsExactly("https://shop.example");
        assertThat(header(response, "access-control-allow-methods")).containsExactly("GET, POST");
    }

    @ParameterizedTest
    @EnumSource(value = Shape.class, names = {"REST_API", "ALB_MULTI_VALUE"})
    void repeatedQueryParametersAndHeaderValuesReachTheFunctionInOrder(Shape shape) throws Exception {
        HttpFunction echo = (request, context) -> HttpResponse.ok().json(Map.of(
                "tag", request.query().all("tag"), "forwarded", request.headers().all("x-forwarded-for"),
                "accept", request.headers().all("accept")));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("x-forwarded-for", List.of("203.0.113.7", "198.51.100.2", "10.0.0.1"));
        headers.put("accept", List.of("text/html", "application/json"));

        JsonNode response = invoke(new LambdaHandler(echo), request(shape, "GET", "/search",
                Map.of("tag", List.of("red", "green", "red")), headers, ""));

        JsonNode seen = JSON.readTree(body(response));
        assertThat(seen.get("tag")).extracting(JsonNode::textValue).containsExactly("red", "green", "red");
        assertThat(seen.get("forwarded")).extracting(JsonNode::textValue)
                .containsExactly("203.0.113.7", "198.51.100.2", "10.0.0.1");
        assertThat(seen.get("accept")).extracting(JsonNode::textValue).containsExactly("text/html", "application/json");
    }

    /** Answers with the length of the body it got, counting its calls. */
    private static final class Measure implements HttpFunction {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public HttpResponse handle(dev.portablefn.api.http.HttpRequest request, Context context) {
            calls.incrementAndGet();
            return HttpResponse.ok().text(Long.toString(request.bodyLength()));
        }
    }

    private static byte[] upload(int bytes) {
        return request(Shape.HTTP_API, "POST", "/upload", Map.of(), Map.of("content-type", List.of("text/plain")),
                "x".repeat(bytes));
    }

    @Test
    void bodyOfExactlyTheDefaultTenMegabyteLimitReachesTheFunction() throws Exception {
        int limit = (int) Limits.defaults().maxBodyBytes();
        Measure measure = new Measure();

        JsonNode response = invoke(new LambdaHandler(measure), upload(limit));

        assertThat(response.get("statusCode").intValue()).isEqualTo(200);
        assertThat(body(response)).isEqualTo(Integer.toString(limit));
    }

    @Test
    void bodyOneByteOverTheLimitIs413WithoutRunningTheFunctionWhileOneAtTheLimitRuns() throws Exception {
        // A lowered limit: with the default 10 MB one byte more also exceeds the JSON string limit of the payload
        // parser, so that invocation fails before the HTTP limit is checked (Lambda's own 6 MB request cap means such
        // a payload never arrives from API Gateway).
        int limit = 1024 * 1024;
        Measure measure = new Measure();
        LambdaHandler handler = new LambdaHandler(PortableFunction.of(measure)
                .withLimits(Limits.defaults().withMaxBodyBytes(limit)));

        JsonNode atLimit = invoke(handler, upload(limit));
        JsonNode overLimit = invoke(handler, upload(limit + 1));

        assertThat(atLimit.get("statusCode").intValue()).isEqualTo(200);
        assertThat(body(atLimit)).isEqualTo(Integer.toString(limit));
        assertThat(overLimit.get("statusCode").intValue()).isEqualTo(413);
        assertThat(header(overLimit, "content-type")).singleElement().asString().startsWith("application/problem+json");
        assertThat(measure.calls).as("only the body at the limit reaches the function").hasValue(1);
    }

    @Test
    void sqsBatchOfTenThousandRecordsRunsEveryRecordAndOneRecordMoreFailsEveryRecordWithoutRunningAny() throws Exception {
        int limit = Limits.defaults().maxBatchSize();   // 10,000: SQS's own largest batch
        AtomicInteger calls = new AtomicInteger();
        EventFunction<String> counter = new EventFunction<>() {
            @Override
            public void handle(Event<String> event, Context context) {
                calls.incrementAndGet();
            }
        };
        LambdaHandler handler = new LambdaHandler(counter);

        JsonNode atLimit = invoke(handler, Fixtures.records(limit,
                i -> Fixtures.sqsRecord("m" + i, "b" + i, "arn:aws:sqs:us-east-1:123456789012:orders", null)));
        int callsAtLimit = calls.getAndSet(0);
        JsonNode overLimit = invoke(handler, Fixtures.records(limit + 1,
                i -> Fixtures.sqsRecord("m" + i, "b" + i, "arn:aws:sqs:us-east-1:123456789012:orders", null)));

        assertThat(atLimit.get("batchItemFailures")).isEmpty();
        assertThat(callsAtLimit).isEqualTo(limit);
        ArrayNode failures = (ArrayNode) overLimit.get("batchItemFailures");
        assertThat(failures).hasSize(limit + 1);
        assertThat(calls).hasValue(0);
    }
}
