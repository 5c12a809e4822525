package dev.portablefn.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.Limits;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.HttpRouter;
import dev.portablefn.doubles.azure.FakeExecutionContext;
import dev.portablefn.doubles.azure.FakeHttpRequestMessage;
import dev.portablefn.doubles.azure.FakeHttpResponseMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Edges through Azure's delegations: Unicode and emoji, HEAD and CORS preflight OPTIONS, bodies at the size limit,
 * and an Event Hubs batch at the record limit.
 */
class AzureHttpEdgesTest {

    private static final String GREETING = "Grüße, 世界 👋🏽 — naïve café";
    private static final String API = "https://app.azurewebsites.net/api";

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

    private static FakeExecutionContext context() {
        return FakeExecutionContext.builder().invocationId("inv-1").functionName("api").build();
    }

    private static FakeHttpResponseMessage call(HttpFunction function, FakeHttpRequestMessage<byte[]> request) {
        return (FakeHttpResponseMessage) AzureFunctions.of(function).http(request, context());
    }

    private static byte[] body(FakeHttpResponseMessage response) {
        return response.getBody() == null ? new byte[0] : (byte[]) response.getBody();
    }

    @Test
    void unicodeAndEmojiInBodyAndHeaderValuesArriveAndReturnIntact() {
        HttpFunction echo = (request, context) -> HttpResponse.ok()
                .header("X-Greeting", request.header("x-greeting").orElse("missing")).text(request.bodyAsString());

        FakeHttpResponseMessage response = call(echo, FakeHttpRequestMessage.binary("POST", API + "/greet",
                Map.of("content-type", "text/plain; charset=utf-8", "x-greeting", GREETING),
                GREETING.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(new String(body(response), StandardCharsets.UTF_8)).isEqualTo(GREETING);
        assertThat(response.getHeader("X-Greeting")).isEqualTo(GREETING);
    }

    @Test
    void textBoundUnicodeBodyArrivesAsTheSameCharacters() {
        HttpFunction echo = (request, context) -> HttpResponse.ok().text(request.bodyAsString());

        FakeHttpResponseMessage response = (FakeHttpResponseMessage) AzureFunctions.of(echo).http(
                FakeHttpRequestMessage.text("POST", API + "/greet", Map.of("content-type", "text/plain"), GREETING),
                context());

        assertThat(new String(body(response), StandardCharsets.UTF_8)).isEqualTo(GREETING);
    }

    @Test
    void headRequestGetsTheGetHeadersWithoutABody() {
        FakeHttpResponseMessage response = call(CORS_ROUTER,
                FakeHttpRequestMessage.binary("HEAD", API + "/items/42", Map.of(), null));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(body(response)).isEmpty();
        assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    }

    @Test
    void corsPreflightOptionsIsAnswered204WithAllowAndTheFunctionsCorsHeaders() {
        FakeHttpResponseMessage response = call(CORS_ROUTER, FakeHttpRequestMessage.binary("OPTIONS", API + "/items",
                Map.of("origin", "https://shop.example", "access-control-request-method", "POST",
                        "access-control-request-headers", "content-type"), null));

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(body(response)).isEmpty();
        assertThat(response.getHeader("Allow")).isEqualTo("OPTIONS, POST");
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
        assertThat(response.getHeader("Access-Control-Allow-Methods")).isEqualTo("GET, POST");
    }

    @Test
    void bodyOfExactlyTheTenMegabyteLimitReachesTheFunctionAndOneByteMoreIs413WithoutACall() {
        int limit = (int) Limits.defaults().maxBodyBytes();
        AtomicInteger calls = new AtomicInteger();
        HttpFunction measure = (request, context) -> {
            calls.incrementAndGet();
            return HttpResponse.ok().text(Long.toString(request.bodyLength()));
        };

        FakeHttpResponseMessage atLimit = call(measure, upload(limit));
        FakeHttpResponseMessage overLimit = call(measure, upload(limit + 1));

        assertThat(atLimit.getStatusCode()).isEqualTo(200);
        assertThat(new String(body(atLimit), StandardCharsets.UTF_8)).isEqualTo(Integer.toString(limit));
        assertThat(overLimit.getStatusCode()).isEqualTo(413);
        assertThat(overLimit.getHeader("Content-Type")).startsWith("application/problem+json");
        assertThat(calls).as("only the body at the limit reaches the function").hasValue(1);
    }

    private static FakeHttpRequestMessage<byte[]> upload(int bytes) {
        byte[] body = new byte[bytes];
        Arrays.fill(body, (byte) 'x');
        return FakeHttpRequestMessage.binary("POST", API + "/upload", Map.of("content-type", "application/octet-stream"),
                body);
    }

    @Test
    void eventHubsBatchOfTenThousandEventsRunsEachAndOneMoreRunsNoneAndFailsNamingTheLimit() {
        int limit = Limits.defaults().maxBatchSize();
        AtomicInteger calls = new AtomicInteger();
        EventFunction<String> counter = new EventFunction<>() {
            @Override
            public void handle(Event<String> event, Context context) {
                calls.incrementAndGet();
            }
        };
        AzureFunctions azure = AzureFunctions.of(counter);

        Throwable atLimit = catchThrowable(() -> azure.eventHubs(events(limit), null, null, null, context()));
        int callsAtLimit = calls.getAndSet(0);
        Throwable overLimit = catchThrowable(() -> azure.eventHubs(events(limit + 1), null, null, null, context()));

        assertThat(atLimit).isNull();
        assertThat(callsAtLimit).isEqualTo(limit);
        assertThat(calls).hasValue(0);
        assertThat(overLimit).isNotNull().hasMessageContaining("exceeds the limit of " + limit);
    }

    private static List<String> events(int count) {
        return Collections.nCopies(count, "{\"reading\":1}");
    }
}
