package dev.portablefn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.Context;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.Limits;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.HttpRouter;
import dev.portablefn.doubles.gcp.FakeHttpRequest;
import dev.portablefn.doubles.gcp.FakeHttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * HTTP edges through the Functions Framework entry: Unicode and emoji, HEAD and CORS preflight OPTIONS, bodies at
 * the size limit.
 */
class GcpHttpEdgesTest {

    private static final String GREETING = "Grüße, 世界 👋🏽 — naïve café";

    /** A router behind a small CORS layer, as a function answering browsers would have. */
    private static final HttpFunction CORS_ROUTER = new HttpFunction() {
        private final HttpRouter router = HttpRouter.builder()
                .get("/items/{id}", (request, context) -> HttpResponse.ok()
                        .json(Map.of("id", request.pathParameter("id").orElse(""))))
                .post("/items", (request, context) -> HttpResponse.status(201).text("created"))
                .build();

        @Override
        public HttpResponse handle(HttpRequest request, Context context) throws Exception {
            HttpResponse response = router.handle(request, context);
            return request.header("origin").map(origin -> response.header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Methods", "GET, POST")).orElse(response);
        }
    };

    private static FakeHttpResponse serve(HttpFunction function, FakeHttpRequest request) throws Exception {
        FakeHttpResponse response = new FakeHttpResponse();
        new GcpHttpFunction(function).service(request, response);
        return response;
    }

    @Test
    void unicodeAndEmojiInBodyAndHeaderValuesArriveAndReturnIntact() throws Exception {
        HttpFunction echo = (request, context) -> HttpResponse.ok()
                .header("X-Greeting", request.header("x-greeting").orElse("missing")).text(request.bodyAsString());

        FakeHttpResponse response = serve(echo, FakeHttpRequest.builder("POST", "/greet")
                .header("Content-Type", "text/plain; charset=utf-8").header("X-Greeting", GREETING)
                .body(GREETING).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(GREETING);
        assertThat(response.getHeaders().get("X-Greeting")).containsExactly(GREETING);
    }

    @Test
    void headRequestGetsTheGetHeadersWithoutABody() throws Exception {
        FakeHttpResponse response = serve(CORS_ROUTER, FakeHttpRequest.builder("HEAD", "/items/42").build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.getContentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void corsPreflightOptionsIsAnswered204WithAllowAndTheFunctionsCorsHeaders() throws Exception {
        FakeHttpResponse response = serve(CORS_ROUTER, FakeHttpRequest.builder("OPTIONS", "/items")
                .header("Origin", "https://shop.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(response.getHeaders().get("Allow")).containsExactly("OPTIONS, POST");
        assertThat(response.getHeaders().get("Access-Control-Allow-Origin")).containsExactly("https://shop.example");
        assertThat(response.getHeaders().get("Access-Control-Allow-Methods")).containsExactly("GET, POST");
    }

    @Test
    void bodyOfExactlyTheTenMegabyteLimitReachesTheFunctionAndOneByteMoreIs413WithoutACall() throws Exception {
        int limit = (int) Limits.defaults().maxBodyBytes();
        AtomicInteger calls = new AtomicInteger();
        HttpFunction measure = (request, context) -> {
            calls.incrementAndGet();
            return HttpResponse.ok().text(Long.toString(request.bodyLength()));
        };

        FakeHttpResponse atLimit = serve(measure, upload(limit));
        FakeHttpResponse overLimit = serve(measure, upload(limit + 1));

        assertThat(atLimit.statusCode()).isEqualTo(200);
        assertThat(atLimit.bodyAsString()).isEqualTo(Integer.toString(limit));
        assertThat(overLimit.statusCode()).isEqualTo(413);
        assertThat(overLimit.getContentType()).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(calls).as("only the body at the limit reaches the function").hasValue(1);
    }

    private static FakeHttpRequest upload(int bytes) {
        byte[] body = new byte[bytes];
        Arrays.fill(body, (byte) 'x');
        return FakeHttpRequest.builder("POST", "/upload").header("Content-Type", "application/octet-stream")
                .body(body).build();
    }
}
