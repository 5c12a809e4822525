package dev.portablefn.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.http.Cookie;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LambdaHandlerHttpTest {

    private static final ObjectMapper JSON = JacksonCodec.standard().mapper();
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicReference<dev.portablefn.api.Context> seenContext = new AtomicReference<>();

    /** Echoes the request and sets two cookies, so every response feature is exercised. */
    private final HttpFunction echo = (request, context) -> {
        seenContext.set(context);
        return HttpResponse.status(201)
                .header("X-Method", request.method())
                .header("X-Multi", "a")
                .header("X-Multi", "b")
                .cookie(Cookie.of("session", "s1"))
                .cookie(Cookie.of("theme", "dark"))
                .text(request.method() + " " + request.path() + " " + request.bodyAsString());
    };

    private LambdaHandler handler(HttpFunction function, Map<String, String> properties) {
        LambdaContexts contexts = new LambdaContexts("echo", properties::get, name -> null,
                Clock.fixed(NOW, ZoneOffset.UTC));
        return new LambdaHandler(PortableFunction.of(function), contexts);
    }

    private JsonNode invoke(LambdaHandler handler, byte[] payload) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(payload), out, FakeLambdaContext.of("req-1", "orders", 30_000));
        return JSON.readTree(out.toByteArray());
    }

    @Test
    void restApiResponseUsesMultiValueHeadersLikeTheRequest() throws Exception {
        JsonNode response = invoke(handler(echo, Map.of()), Fixtures.bytes("apigw-request.json"));
        assertThat(response.get("statusCode").intValue()).isEqualTo(201);
        assertThat(response.get("isBase64Encoded").booleanValue()).isFalse();
        assertThat(response.get("body").textValue()).isEqualTo("POST /hello/world {\r\n\t\"a\": 1\r\n}");
        JsonNode headers = response.get("multiValueHeaders");
        assertThat(headers.get("x-multi")).extracting(JsonNode::textValue).containsExactly("a", "b");
        assertThat(headers.get("set-cookie")).extracting(JsonNode::textValue).hasSize(2);
        assertThat(headers.get("content-type").get(0).textValue()).startsWith("text/plain");
    }

    @Test
    void albSingleValueResponseHasStatusDescriptionAndPlainHeaders() throws Exception {
        HttpFunction oneCookie = (request, context) -> HttpResponse.status(201).header("X-Method", request.method())
                .header("X-Multi", "a").header("X-Multi", "b").cookie(Cookie.of("session", "s1"));
        JsonNode response = invoke(handler(oneCookie, Map.of()), Fixtures.bytes("alb-lambda-target-request-headers-only.json"));
        assertThat(response.get("statusDescription").textValue()).isEqualTo("201 Created");
        assertThat(response.has("multiValueHeaders")).isFalse();
        assertThat(response.get("headers").get("x-multi").textValue()).isEqualTo("a,b");
        assertThat(response.get("headers").get("x-method").textValue()).isEqualTo("GET");
    }

    @Test
    void albMultiValueResponseUsesOnlyMultiValueHeaders() throws Exception {
        JsonNode response = invoke(handler(echo, Map.of()),
                Fixtures.bytes("alb-lambda-target-request-multivalue-headers.json"));
        assertThat(response.has("headers")).isFalse();
        assertThat(response.get("multiValueHeaders").get("set-cookie")).hasSize(2);
        assertThat(response.get("multiValueHeaders").get("x-multi")).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apigw-v2-request-iam.json", "lambda-urls-request.json"})
    void payloadV2ResponseHasCookiesArrayAndJoinedHeaders(String file) throws Exception {
        JsonNode response = invoke(handler(echo, Map.of()), Fixtures.bytes(file));
        assertThat(response.get("statusCode").intValue()).isEqualTo(201);
        assertThat(response.get("cookies")).extracting(JsonNode::textValue)
                .containsExactly("session=s1", "theme=dark");
        assertThat(response.get("headers").get("x-multi").textValue()).isEqualTo("a,b");
        assertThat(response.get("headers").has("set-cookie")).isFalse();
    }

    @Test
    void binaryBodiesTravelBase64EncodedBothWays() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        HttpFunction image = (request, context) -> HttpResponse.ok().body(request.body(), "image/png");
        String event = Fixtures.text("lambda-urls-request.json")
                .replace("\"body\": \"Hello from client!\"", "\"body\": \"" + Base64.getEncoder().encodeToString(png) + "\"")
                .replace("\"isBase64Encoded\": false", "\"isBase64Encoded\": true");
        JsonNode response = invoke(handler(image, Map.of()), event.getBytes(StandardCharsets.UTF_8));
        assertThat(response.get("isBase64Encoded").booleanValue()).isTrue();
        assertThat(Base64.getDecoder().decode(response.get("body").textValue())).isEqualTo(png);
    }

    @Test
    void malformedHttpRequestGetsProblemResponse() throws Exception {
        String event = Fixtures.text("lambda-urls-request.json").replace("\"isBase64Encoded\": false",
                "\"isBase64Encoded\": true");
        JsonNode response = invoke(handler(echo, Map.of()), event.getBytes(StandardCharsets.UTF_8));
        assertThat(response.get("statusCode").intValue()).isEqualTo(400);
        assertThat(response.get("headers").get("content-type").textValue()).isEqualTo("application/problem+json");
        assertThat(response.get("body").textValue()).doesNotContain("base64").doesNotContain("Exception");
    }

    @Test
    void functionFailureBecomes500WithoutLeakingTheMessage() throws Exception {
        HttpFunction failing = (request, context) -> {
            throw new IllegalStateException("database password is hunter2");
        };
        JsonNode response = invoke(handler(failing, Map.of()), Fixtures.bytes("apigw-v2-request-no-authorizer.json"));
        assertThat(response.get("statusCode").intValue()).isEqualTo(500);
        assertThat(response.get("body").textValue()).doesNotContain("hunter2").contains("req-1");
    }

    @Test
    void contextCarriesRequestIdFunctionNameDeadlineAndHeaderTrace() throws Exception {
        invoke(handler(echo, Map.of()), Fixtures.bytes("apigw-v2-request-no-authorizer.json"));
        dev.portablefn.api.Context context = seenContext.get();
        assertThat(context.requestId()).isEqualTo("req-1");
        assertThat(context.functionName()).isEqualTo("orders");
        assertThat(context.deadline()).contains(NOW.plusMillis(30_000));
        assertThat(context.traceId()).contains("5e9f0c651de4d666d4dd26aced652b6c");
    }

    @Test
    void traceparentHeaderWinsOverXRayHeader() throws Exception {
        String event = Fixtures.text("apigw-v2-request-no-authorizer.json").replace("\"accept\": \"*/*\",",
                "\"accept\": \"*/*\", \"traceparent\": \"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\",");
        invoke(handler(echo, Map.of()), event.getBytes(StandardCharsets.UTF_8));
        assertThat(seenContext.get().traceId()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void traceComesFromTheRuntimeXRayPropertyWithoutHeaders() throws Exception {
        invoke(handler(echo, Map.of(LambdaContexts.XRAY_SYSTEM_PROPERTY,
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")),
                Fixtures.bytes("lambda-urls-request.json"));
        assertThat(seenContext.get().traceId()).contains("5759e988bd862e3fe1be46a994272793");
    }

    @Test
    void unknownPayloadFailsTheInvocationWithAClearMessage() {
        assertThatThrownBy(() -> invoke(handler(echo, Map.of()), "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("unrecognised AWS event with top-level fields ['hello']");
    }

    @Test
    void recordedResponsesHaveTheShapeTheEncoderWrites() throws Exception {
        // The recorded responses name the fields each source reads; the encoder must write the same ones.
        for (String file : Fixtures.RESPONSE_FILES) {
            JsonNode recorded = JSON.readTree(Fixtures.bytes(file));
            String request = switch (file) {
                case "alb-lambda-target-response.json" -> "alb-lambda-target-request-multivalue-headers.json";
                case "apigw-response.json" -> "apigw-request.json";
                default -> "lambda-urls-request.json";
            };
            JsonNode written = invoke(handler(echo, Map.of()), Fixtures.bytes(request));
            java.util.Set<String> recordedFields = new java.util.TreeSet<>();
            recorded.fieldNames().forEachRemaining(recordedFields::add);
            java.util.Set<String> writtenFields = new java.util.TreeSet<>();
            written.fieldNames().forEachRemaining(writtenFields::add);
            // Every field we write is one the source reads, and we write every field it reads except the
            // header map the request's mode does not use.
            // isBase64Encoded is read by every source; the REST recording just leaves it out.
            recordedFields.add("isBase64Encoded");
            assertThat(recordedFields).as(file).containsAll(writtenFields);
            recordedFields.removeAll(java.util.Set.of("headers", "multiValueHeaders"));
            assertThat(writtenFields).as(file).containsAll(recordedFields);
            assertThat(written.get("statusCode").isInt()).isTrue();
            assertThat(written.get("body").isTextual()).isTrue();
        }
    }
}
