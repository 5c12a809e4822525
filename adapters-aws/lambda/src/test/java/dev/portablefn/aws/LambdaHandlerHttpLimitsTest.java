package dev.portablefn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.Limits;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.http.Cookie;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import dev.portablefn.idempotency.Idempotency;
import dev.portablefn.idempotency.InMemoryIdempotencyStore;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The limits Lambda, API Gateway and the ALB put on HTTP requests and responses, enforced before they bite. */
class LambdaHandlerHttpLimitsTest {

    private static final ObjectMapper JSON = JacksonCodec.standard().mapper();

    private static JsonNode invoke(LambdaHandler handler, JsonNode event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out,
                FakeLambdaContext.of("req-1", "orders", 30_000));
        assertThat((long) out.size()).as("what Lambda would send back").isLessThanOrEqualTo(HttpResponseLimits.LAMBDA_RESPONSE_BYTES);
        return JSON.readTree(out.toByteArray());
    }

    private static ObjectNode event(String fixture) throws Exception {
        return (ObjectNode) JSON.readTree(Fixtures.bytes(fixture));
    }

    private static String text(int length) {
        char[] body = new char[length];
        Arrays.fill(body, 'x');
        return new String(body);
    }

    @ParameterizedTest(name = "{0} bytes of body, base64: {1}")
    @CsvSource({"10485760, false, 200", "10485761, false, 413", "10485760, true, 200", "10485761, true, 413",
            "12000000, true, 413"})
    void bodyAtTheTenMegabyteLimitIsServedAndOneByteOverIsA413(int length, boolean base64, int status) throws Exception {
        ObjectNode request = event("apigw-v2-request-no-authorizer.json");
        byte[] body = new byte[length];
        Arrays.fill(body, (byte) 'x');
        request.put("body", base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.US_ASCII))
                .put("isBase64Encoded", base64);
        LambdaHandler handler = new LambdaHandler((HttpFunction) (req, context) ->
                HttpResponse.ok().text(String.valueOf(req.bodyLength())));

        JsonNode response = invoke(handler, request);

        assertThat(response.path("statusCode").asInt()).isEqualTo(status);
        if (status == 200) {
            assertThat(response.path("body").asText()).isEqualTo(String.valueOf(length));
        } else {
            assertThat(response.path("body").asText()).contains("exceeds the limit of 10485760 bytes");
        }
    }

    @ParameterizedTest(name = "{0} bytes of body")
    @CsvSource({"3000, 200", "5000, 413"})
    void aStringLimitBelowTheBodyLimitStillLetsTheBodyReachTheBodyCheck(int length, int status) throws Exception {
        ObjectNode request = event("apigw-v2-request-no-authorizer.json");
        request.put("body", text(length)).put("isBase64Encoded", false);
        LambdaHandler handler = new LambdaHandler(PortableFunction.http((req, context) -> HttpResponse.ok().text("read"))
                .withLimits(Limits.defaults().withMaxStringLength(1_000).withMaxBodyBytes(4_000)));

        assertThat(invoke(handler, request).path("statusCode").asInt()).isEqualTo(status);
    }

    @Test
    void responseOverLambdasSixMegabytesIsALogged500ThatLeavesTheIdempotencyKeyOpen() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        HttpFunction report = (request, context) -> runs.incrementAndGet() == 1
                ? HttpResponse.ok().text(text(7 * 1024 * 1024))
                : HttpResponse.ok().text("small");
        LambdaHandler handler = new LambdaHandler(PortableFunction.http(report)
                .with(Idempotency.middleware(new InMemoryIdempotencyStore())));
        ObjectNode event = event("apigw-v2-request-no-authorizer.json");
        ((ObjectNode) event.get("headers")).put("idempotency-key", "k-1");

        JsonNode first = invoke(handler, event);
        JsonNode retry = invoke(handler, event);

        assertThat(first.get("statusCode").intValue()).isEqualTo(500);
        assertThat(first.get("headers").get("content-type").textValue()).isEqualTo("application/problem+json");
        assertThat(first.get("body").textValue()).contains("req-1");
        assertThat(retry.get("statusCode").intValue()).as("the retry runs again instead of replaying the failure")
                .isEqualTo(200);
        assertThat(retry.get("body").textValue()).isEqualTo("small");
        assertThat(runs).hasValue(2);
    }

    @Test
    void binaryBodyThatFitsTheAlbOnlyBeforeBase64GrowthIsRefusedBehindAnAlbButNotBehindApiGateway() throws Exception {
        byte[] image = new byte[900_000];   // 1.2 MB once base64-encoded
        HttpFunction download = (request, context) -> HttpResponse.ok().body(image, "image/png");
        LambdaHandler handler = new LambdaHandler(download);

        JsonNode alb = invoke(handler, event("alb-lambda-target-request-headers-only.json"));
        JsonNode gateway = invoke(handler, event("apigw-v2-request-no-authorizer.json"));

        assertThat(alb.get("statusCode").intValue()).isEqualTo(500);
        assertThat(gateway.get("statusCode").intValue()).isEqualTo(200);
        assertThat(gateway.get("isBase64Encoded").booleanValue()).isTrue();
    }

    @Test
    void textBodyIsMeasuredAsEscapedJson() {
        HttpResponse newlines = HttpResponse.ok().text("\n".repeat(400_000) + "\u0001".repeat(100_000));
        long limit = HttpResponseLimits.ALB_RESPONSE_BYTES;

        long size = HttpResponseLimits.encodedSize(newlines, limit);

        assertThat(size).as("800,000 bytes of \\n and 600,000 of \\u0001 escapes").isGreaterThan(1_400_000);
        assertThat(HttpResponseLimits.of(AwsSource.ALB, true).refusal(newlines))
                .contains("over the ALB's limit").contains(String.valueOf(limit));
        assertThat(HttpResponseLimits.of(AwsSource.FUNCTION_URL, false).refusal(newlines)).isNull();
    }

    @Test
    void albInSingleValueModeRefusesTwoCookiesWithA500NamingTheLimitationInsteadOfDroppingOne() throws Exception {
        HttpFunction login = (request, context) -> HttpResponse.ok()
                .cookie(Cookie.of("session", "s1")).cookie(Cookie.of("theme", "dark"));

        JsonNode response = invoke(new LambdaHandler(login), event("alb-lambda-target-request-headers-only.json"));

        assertThat(response.get("statusCode").intValue()).isEqualTo(500);
        assertThat(response.get("headers").has("set-cookie")).isFalse();
        assertThat(HttpResponseLimits.of(AwsSource.ALB, false).refusal(HttpResponse.ok()
                .cookie(Cookie.of("a", "1")).cookie(Cookie.of("b", "2"))))
                .contains("single-value header mode").contains("lambda.multi_value_headers.enabled");
    }

    @Test
    void albInSingleValueModeStillSendsOneCookie() throws Exception {
        HttpFunction login = (request, context) -> HttpResponse.ok().cookie(Cookie.of("session", "s1"));

        JsonNode response = invoke(new LambdaHandler(login), event("alb-lambda-target-request-headers-only.json"));

        assertThat(response.get("statusCode").intValue()).isEqualTo(200);
        assertThat(response.get("headers").get("set-cookie").textValue()).startsWith("session=s1");
    }

    @Test
    void apiGatewayPayloadOneInSingleValueModeSendsEveryCookieThroughMultiValueHeaders() throws Exception {
        HttpFunction login = (request, context) -> HttpResponse.ok()
                .cookie(Cookie.of("session", "s1")).cookie(Cookie.of("theme", "dark"));
        ObjectNode event = event("apigw-request.json");
        event.remove("multiValueHeaders");
        event.remove("multiValueQueryStringParameters");

        JsonNode response = invoke(new LambdaHandler(login), event);

        assertThat(response.get("statusCode").intValue()).isEqualTo(200);
        assertThat(response.get("headers").has("set-cookie")).as("not the last cookie alone").isFalse();
        assertThat(response.get("multiValueHeaders").get("set-cookie")).extracting(JsonNode::textValue)
                .satisfiesExactly(c -> assertThat(c).startsWith("session=s1"), c -> assertThat(c).startsWith("theme=dark"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apigw-v2-request-no-authorizer.json", "lambda-urls-request.json"})
    void sixtyFourKilobyteQueryOfRepeatedEmptyParametersIsRejectedWith400(String fixture) throws Exception {
        AtomicInteger runs = new AtomicInteger();
        ObjectNode event = event(fixture);
        event.put("rawQueryString", "a=&".repeat(64 * 1024 / 3));

        JsonNode response = invoke(new LambdaHandler(PortableFunction.http((request, context) -> {
            runs.incrementAndGet();
            return HttpResponse.ok();
        })), event);

        assertThat(response.get("statusCode").intValue()).isEqualTo(400);
        assertThat(response.get("body").textValue()).contains("21845 parameters").contains("1000 accepted");
        assertThat(runs).hasValue(0);
    }

    @Test
    void repeatedMultiValueQueryParametersOverTheLimitAreRejectedWith400() throws Exception {
        ObjectNode event = event("apigw-request.json");
        ArrayNode values = ((ObjectNode) event.get("multiValueQueryStringParameters")).putArray("a");
        for (int i = 0; i < 1001; i++) {
            values.add("");
        }

        JsonNode response = invoke(new LambdaHandler(PortableFunction.http((request, context) -> HttpResponse.ok())), event);

        assertThat(response.get("statusCode").intValue()).isEqualTo(400);
    }

    @Test
    void requestWithMoreHeadersThanTheLimitIsRejectedWith431() throws Exception {
        ObjectNode event = event("apigw-v2-request-no-authorizer.json");
        ObjectNode headers = (ObjectNode) event.get("headers");
        for (int i = 0; i < 200; i++) {
            headers.put("x-filler-" + i, "v");
        }

        JsonNode response = invoke(new LambdaHandler(PortableFunction.http((request, context) -> HttpResponse.ok())), event);

        assertThat(response.get("statusCode").intValue()).isEqualTo(431);
        assertThat(response.get("headers").get("content-type").textValue()).isEqualTo("application/problem+json");
    }
}
