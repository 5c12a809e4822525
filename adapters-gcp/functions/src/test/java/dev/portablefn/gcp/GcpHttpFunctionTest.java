package dev.portablefn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.Context;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.http.Cookie;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.doubles.gcp.FakeHttpRequest;
import dev.portablefn.doubles.gcp.FakeHttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The HTTP entry maps the framework's request and response both ways and builds the context. */
class GcpHttpFunctionTest {

    private final AtomicReference<HttpRequest> seenRequest = new AtomicReference<>();
    private final AtomicReference<Context> seenContext = new AtomicReference<>();

    private GcpHttpFunction entry(HttpFunction function) {
        return new GcpHttpFunction((request, context) -> {
            seenRequest.set(request);
            seenContext.set(context);
            return function.handle(request, context);
        });
    }

    @Test
    void requestIsMappedWithMultiValuedHeadersQueryAndBinaryBody() throws Exception {
        byte[] body = {0, 1, (byte) 0xFF, 42};
        FakeHttpRequest request = FakeHttpRequest.builder("PUT", "/files/a%20b").query("tag", "x").query("tag", "y")
                .header("Accept", "text/plain").header("Accept", "application/json")
                .header("Content-Type", "application/octet-stream").header("Cookie", "session=abc; theme=dark")
                .body(body).build();

        entry((r, c) -> HttpResponse.noContent()).service(request, new FakeHttpResponse());

        HttpRequest seen = seenRequest.get();
        assertThat(seen.method()).isEqualTo("PUT");
        assertThat(seen.path()).isEqualTo("/files/a b");
        assertThat(seen.rawPath()).isEqualTo("/files/a%20b");
        assertThat(seen.query().all("tag")).containsExactly("x", "y");
        assertThat(seen.headers().all("accept")).containsExactly("text/plain", "application/json");
        assertThat(seen.body()).containsExactly(body);
        assertThat(seen.cookies()).containsExactlyInAnyOrderEntriesOf(Map.of("session", "abc", "theme", "dark"));
        assertThat(seen.unwrap(com.google.cloud.functions.HttpRequest.class)).isSameAs(request);
    }

    @Test
    void responseIsWrittenWithStatusHeadersCookiesAndBinaryBody() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0};
        FakeHttpResponse response = new FakeHttpResponse();

        entry((r, c) -> HttpResponse.status(201).body(png, "image/png").header("X-Trace", "a").header("X-Trace", "b")
                .cookie(Cookie.of("session", "s1")).cookie(Cookie.of("theme", "dark")))
                .service(FakeHttpRequest.builder("GET", "/").build(), response);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.getContentType()).contains("image/png");
        assertThat(response.getHeaders().get("X-Trace")).containsExactly("a", "b");
        assertThat(response.getHeaders().get("Set-Cookie")).hasSize(2)
                .anySatisfy(cookie -> assertThat(cookie).startsWith("session=s1"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("theme=dark"));
        assertThat(response.getHeaders().get("Content-Type")).as("set once, not appended as well")
                .containsExactly("image/png");
        assertThat(response.body()).containsExactly(png);
    }

    @Test
    void contextCarriesExecutionIdAndTraceFromHeaders() throws Exception {
        FakeHttpRequest request = FakeHttpRequest.builder("GET", "/")
                .header("Function-Execution-Id", "exec-123")
                .header("X-Cloud-Trace-Context", "105445aa7843bc8bf206b12000100000/1;o=1").build();

        entry((r, c) -> HttpResponse.ok()).service(request, new FakeHttpResponse());

        Context context = seenContext.get();
        assertThat(context.requestId()).isEqualTo("exec-123");
        assertThat(context.provider()).isEqualTo(Provider.GCP);
        assertThat(context.traceId()).contains("105445aa7843bc8bf206b12000100000");
        assertThat(context.unwrap(com.google.cloud.functions.HttpRequest.class)).isSameAs(request);
    }

    @Test
    void cloudTraceIsUsedWhenTheTraceparentIsMalformed() throws Exception {
        FakeHttpRequest request = FakeHttpRequest.builder("GET", "/")
                .header("traceparent", "not-a-traceparent")
                .header("X-Cloud-Trace-Context", "105445aa7843bc8bf206b12000100000/1;o=1").build();

        entry((r, c) -> HttpResponse.ok()).service(request, new FakeHttpResponse());

        assertThat(seenContext.get().trace()).hasValueSatisfying(trace -> {
            assertThat(trace.traceId()).isEqualTo("105445aa7843bc8bf206b12000100000");
            assertThat(trace.sampled()).isTrue();
        });
        assertThat(seenContext.get().trace().get()).isSameAs(seenContext.get().trace().get());
    }

    @Test
    void traceparentWinsAndAMissingExecutionIdIsGenerated() throws Exception {
        FakeHttpRequest request = FakeHttpRequest.builder("GET", "/")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .header("X-Cloud-Trace-Context", "105445aa7843bc8bf206b12000100000/1;o=1").build();

        entry((r, c) -> HttpResponse.ok()).service(request, new FakeHttpResponse());

        assertThat(seenContext.get().traceId()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(seenContext.get().requestId()).matches("[0-9a-f]{16}")
                .as("generated once, then kept").isEqualTo(seenContext.get().requestId());
    }

    @Test
    void functionNameComesFromKServiceThenFunctionTarget() {
        PortableFunction function = PortableFunction.http((r, c) -> HttpResponse.ok());
        assertThat(GcpRuntime.functionName(Map.of("K_SERVICE", "orders", "FUNCTION_TARGET", "x.Y"), function))
                .isEqualTo("orders");
        assertThat(GcpRuntime.functionName(Map.of("FUNCTION_TARGET", "com.example.Orders"), function))
                .isEqualTo("com.example.Orders");
        assertThat(GcpRuntime.functionName(Map.of(), function)).isEqualTo(function.name());
    }

    @Test
    void permanentFailureBecomesProblemResponseWithoutStackTrace() throws Exception {
        FakeHttpResponse response = new FakeHttpResponse();

        entry((r, c) -> {
            throw PermanentFailure.withStatus(404, "order 7 does not exist");
        }).service(FakeHttpRequest.builder("GET", "/orders/7").build(), response);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.getContentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.bodyAsString()).contains("order 7 does not exist");
    }

    @Test
    void unexpectedFailureBecomes500WithoutLeakingTheMessage() throws Exception {
        FakeHttpResponse response = new FakeHttpResponse();

        entry((r, c) -> {
            throw new IllegalStateException("db password is hunter2");
        }).service(FakeHttpRequest.builder("GET", "/").build(), response);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.bodyAsString()).doesNotContain("hunter2", "IllegalStateException");
    }

    @Test
    void oversizedBodyIsRejectedWith413AfterReadingAtMostOneByteTooMany() throws Exception {
        FakeHttpResponse response = new FakeHttpResponse();
        GcpHttpFunction entry = new GcpHttpFunction(PortableFunction.http((r, c) -> HttpResponse.ok())
                .withLimits(dev.portablefn.api.Limits.defaults().withMaxBodyBytes(8)));

        entry.service(FakeHttpRequest.builder("POST", "/").body(new byte[1000]).build(), response);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.getContentType()).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    }

    @Test
    void unlimitedBodyLimitStillReadsTheBodyInsteadOfOverflowingToNothing() throws Exception {
        GcpHttpFunction entry = new GcpHttpFunction(PortableFunction.http((r, c) -> HttpResponse.ok().body(r.body(), "text/plain"))
                .withLimits(dev.portablefn.api.Limits.defaults().withMaxBodyBytes(Long.MAX_VALUE)));
        FakeHttpResponse response = new FakeHttpResponse();

        entry.service(FakeHttpRequest.builder("POST", "/").body("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .build(), response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void sixtyFourKilobyteQueryOfRepeatedEmptyParametersIsRejectedWith400WithoutRunningTheFunction() throws Exception {
        FakeHttpRequest.Builder request = FakeHttpRequest.builder("GET", "/search");
        for (int i = 0; i < 64 * 1024 / 3; i++) {
            request.query("a", "");
        }
        FakeHttpResponse response = new FakeHttpResponse();

        entry((r, c) -> HttpResponse.ok()).service(request.build(), response);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.getContentType()).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(seenRequest.get()).as("the function never ran").isNull();
    }

    @Test
    void requestWithMoreHeadersThanTheLimitIsRejectedWith431WhenTheFunctionReadsThem() throws Exception {
        FakeHttpRequest.Builder request = FakeHttpRequest.builder("GET", "/");
        for (int i = 0; i < 201; i++) {
            request.header("X-Filler-" + i, "v");
        }
        FakeHttpResponse response = new FakeHttpResponse();

        entry((r, c) -> HttpResponse.ok().header("X-Agent", r.header("User-Agent").orElse("-")))
                .service(request.build(), response);

        assertThat(response.statusCode()).isEqualTo(431);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "10, 10, 100", "10, 4, 100", "10, 25, 100", "10, -1, 100", "0, 0, 100", "0, -1, 100", "150, 150, 101", "150, 20, 101"})
    void bodyIsReadWhateverTheDeclaredLengthSaysUpToTheLimit(int actualLength, long declaredLength, int readAtMost)
            throws java.io.IOException {
        byte[] body = new byte[actualLength];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }

        byte[] read = HttpMapping.readBody(new java.io.ByteArrayInputStream(body), declaredLength, readAtMost);

        assertThat(read).isEqualTo(java.util.Arrays.copyOf(body, Math.min(actualLength, readAtMost)));
    }
}
