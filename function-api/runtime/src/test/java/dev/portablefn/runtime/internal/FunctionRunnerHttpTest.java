package dev.portablefn.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Context;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.Limits;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.HttpRouter;
import dev.portablefn.api.http.Problem;
import dev.portablefn.runtime.json.JacksonCodec;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FunctionRunnerHttpTest {

    record NewCourse(@NotBlank String title, @Positive int seats) {
    }

    /** A type whose constructor rejects input with a message meant for its author, not for callers. */
    record Payment(String account, int amount) {
        Payment {
            if (amount > 100) {
                throw new IllegalArgumentException("limit for account " + account + " is 100 (internal rule R-17)");
            }
        }
    }

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    private static Context context() {
        return Context.builder().requestId("req-42").functionName("courses").provider(Provider.LOCAL)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    private static HttpResponse run(HttpFunction function, HttpRequest request) {
        return FunctionRunner.of(PortableFunction.http(function)).http(request, context());
    }

    private static HttpResponse run(HttpFunction function) {
        return run(function, HttpRequest.builder("GET", "/courses").build());
    }

    private static JsonNode problem(HttpResponse response) throws IOException {
        assertThat(response.contentType()).contains(Problem.MEDIA_TYPE);
        return JacksonCodec.standard().readTree(response.body());
    }

    private static HttpRequest jsonPost(String body) {
        return HttpRequest.builder("POST", "/courses").header("Content-Type", "application/json").body(body).build();
    }

    private static final HttpFunction CREATE = (request, context) -> {
        NewCourse course = request.bodyAs(NewCourse.class);
        return HttpResponse.status(201).json(course);
    };

    @Test
    void successfulResponseIsReturnedAsIs() {
        HttpResponse response = run((request, context) -> HttpResponse.ok().text("hello " + context.requestId()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("hello req-42");
    }

    @Test
    void permanentFailureBecomesItsStatusWithItsMessage() throws Exception {
        HttpResponse response = run((request, context) -> {
            throw PermanentFailure.withStatus(404, "no course 7");
        });

        JsonNode body = problem(response);
        assertThat(response.status()).isEqualTo(404);
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.get("title").asText()).isEqualTo("Not Found");
        assertThat(body.get("detail").asText()).isEqualTo("no course 7");
        assertThat(body.has("errors")).isFalse();
    }

    @Test
    void constraintViolationsBecome400ListingTheFields() throws Exception {
        HttpResponse response = run(CREATE, jsonPost("{\"title\":\"\",\"seats\":-1}"));

        JsonNode body = problem(response);
        assertThat(response.status()).isEqualTo(400);
        assertThat(body.get("detail").asText()).startsWith("request body is not a valid NewCourse");
        assertThat(body.get("errors")).hasSize(2);
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("seats");
        assertThat(body.get("errors").get(0).get("message").asText()).isEqualTo("must be greater than 0");
        assertThat(body.get("errors").get(1).get("field").asText()).isEqualTo("title");
        assertThat(body.get("errors").get(1).get("message").asText()).isEqualTo("must not be blank");
    }

    @Test
    void withoutValidationBodiesAreOnlyBound() {
        HttpResponse response = FunctionRunner.of(PortableFunction.http(CREATE).withoutValidation())
                .http(jsonPost("{\"title\":\"\",\"seats\":-1}"), context());

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void typeMismatchIs400NamingTheField() throws Exception {
        HttpResponse response = run(CREATE, jsonPost("{\"title\":\"Java\",\"seats\":\"many\"}"));

        JsonNode body = problem(response);
        assertThat(response.status()).isEqualTo(400);
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("seats");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        HttpResponse response = run(CREATE, jsonPost("{\"title\": "));

        assertThat(response.status()).isEqualTo(400);
        assertThat(problem(response).get("detail").asText()).startsWith("request body is not valid JSON");
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        HttpRequest request = HttpRequest.builder("POST", "/courses").header("Content-Type", "text/plain").body("hi").build();

        HttpResponse response = run(CREATE, request);

        assertThat(response.status()).isEqualTo(415);
        assertThat(problem(response).get("title").asText()).isEqualTo("Unsupported Media Type");
    }

    @Test
    void retryableFailureIs503WithoutDetails() throws Exception {
        HttpResponse response = run((request, context) -> {
            throw new RetryableException("database db-prod-7 timed out");
        });

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).contains("1");
        assertThat(response.bodyAsString()).doesNotContain("db-prod-7").doesNotContain("RetryableException");
        assertThat(problem(response).get("detail").asText()).isEqualTo("The service is temporarily unavailable; retry later.");
    }

    @Test
    void unexpectedFailureIs500RevealingNothingButTheRequestId() throws Exception {
        HttpResponse response = run((request, context) -> {
            throw new IllegalStateException("password=hunter2 in connection string");
        });

        String body = response.bodyAsString();
        assertThat(response.status()).isEqualTo(500);
        assertThat(body).doesNotContain("hunter2").doesNotContain("IllegalStateException")
                .doesNotContain("java.lang").doesNotContain("\tat ").doesNotContain("FunctionRunnerHttpTest");
        assertThat(problem(response).get("detail").asText())
                .isEqualTo("The function failed; the error is logged under request id req-42.");
    }

    @Test
    void checkedExceptionsAndErrorsAre500Too() {
        assertThat(run((request, context) -> {
            throw new IOException("disk");
        }).status()).isEqualTo(500);
        assertThat(run((request, context) -> {
            throw new AssertionError("bug");
        }).status()).isEqualTo(500);
        assertThat(run((request, context) -> {
            throw new StackOverflowError();
        }).status()).isEqualTo(500);
    }

    @Test
    void nullResponseIs500() throws Exception {
        HttpResponse response = run((request, context) -> null);

        assertThat(response.status()).isEqualTo(500);
        assertThat(problem(response).get("detail").asText()).contains("req-42");
    }

    @Test
    void oversizeBodyIs413AndTheFunctionIsNotCalled() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        FunctionRunner runner = FunctionRunner.of(PortableFunction.http((request, context) -> {
            calls.incrementAndGet();
            return HttpResponse.ok();
        }).withLimits(Limits.defaults().withMaxBodyBytes(10)));

        HttpResponse tooBig = runner.http(jsonPost("{\"title\":\"x\"}"), context());
        HttpResponse fits = runner.http(jsonPost("0123456789"), context());

        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(problem(tooBig).get("detail").asText()).isEqualTo("request body of 13 bytes exceeds the limit of 10 bytes");
        assertThat(fits.status()).isEqualTo(200);
        assertThat(calls).hasValue(1);
    }

    @Test
    void jsonLimitsOfTheFunctionApplyToBodies() throws Exception {
        FunctionRunner runner = FunctionRunner.of(PortableFunction.http(
                (request, context) -> HttpResponse.ok().json(request.bodyAs(JsonNode.class)))
                .withLimits(Limits.defaults().withMaxJsonDepth(2)));

        HttpResponse response = runner.http(jsonPost("[[[1]]]"), context());

        assertThat(response.status()).isEqualTo(400);
        assertThat(problem(response).get("detail").asText()).contains("exceeds a JSON limit");
    }

    @Test
    void nearlyExpiredInvocationIs503WithoutRunningTheFunction() {
        AtomicInteger calls = new AtomicInteger();
        Context nearlyOver = Context.builder().requestId("r").functionName("f").provider(Provider.AWS)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).deadline(NOW.plusMillis(10)).build();

        HttpResponse response = FunctionRunner.of(PortableFunction.http((request, context) -> {
            calls.incrementAndGet();
            return HttpResponse.ok();
        })).http(HttpRequest.builder().build(), nearlyOver);

        assertThat(response.status()).isEqualTo(503);
        assertThat(calls).hasValue(0);
    }

    @Test
    void eventFunctionBehindHttpTriggerIs500WithoutRunningIt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        EventFunction<String> event = (e, c) -> calls.incrementAndGet();

        HttpResponse response = FunctionRunner.of(PortableFunction.of(event)).http(HttpRequest.builder().build(), context());

        assertThat(response.status()).isEqualTo(500);
        assertThat(problem(response).get("detail").asText()).isEqualTo("The function is not an HTTP function.");
        assertThat(calls).hasValue(0);
    }

    @Test
    void middlewareReturningSomethingElseIs500() {
        FunctionRunner runner = FunctionRunner.of(PortableFunction.http((request, context) -> HttpResponse.ok())
                .with((invocation, next) -> "not a response"));

        assertThat(runner.http(HttpRequest.builder().build(), context()).status()).isEqualTo(500);
    }

    @Test
    void routerRunsThroughTheRunner() {
        FunctionRunner runner = FunctionRunner.of(PortableFunction.of(HttpRouter.builder()
                .get("/courses/{id}", (request, context) -> HttpResponse.ok().text(request.pathParameter("id").orElseThrow()))
                .build()));

        HttpResponse found = runner.http(HttpRequest.builder("GET", "/courses/7").build(), context());
        HttpResponse wrongMethod = runner.http(HttpRequest.builder("DELETE", "/courses/7").build(), context());

        assertThat(found.bodyAsString()).isEqualTo("7");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).contains("GET, HEAD, OPTIONS");
    }

    @Test
    void runnerExposesItsConfiguration() {
        PortableFunction function = PortableFunction.http((request, context) -> HttpResponse.ok());

        FunctionRunner runner = FunctionRunner.of(function);

        assertThat(runner.function()).isSameAs(function);
        assertThat(runner.limits()).isEqualTo(Limits.defaults());
        assertThat(runner.codec()).isSameAs(JacksonCodec.standard());
    }

    @Test
    void jacksonsMessageNeverReachesTheClientOnlyTheFieldPathAndAGenericReason() throws Exception {
        HttpFunction pay = (request, context) -> HttpResponse.ok().json(request.bodyAs(Payment.class));

        JsonNode thrownInConstructor = problem(run(pay, jsonPost("{\"account\":\"acc-1\",\"amount\":500}")));
        JsonNode wrongType = problem(run(pay, jsonPost("{\"account\":\"acc-1\",\"amount\":\"lots\"}")));
        JsonNode unparsable = problem(run(pay, jsonPost("{\"account\": \"secret-input\" ]")));

        for (JsonNode problem : java.util.List.of(thrownInConstructor, wrongType, unparsable)) {
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.toString()).doesNotContain("dev.portablefn").doesNotContain("R-17")
                    .doesNotContain("`").doesNotContain("java.lang").doesNotContain("Cannot deserialize")
                    .doesNotContain("secret-input");
        }
        assertThat(wrongType.get("detail").asText()).isEqualTo("request body is not a valid Payment: field 'amount' must be a number");
        assertThat(wrongType.get("errors").get(0).get("field").asText()).isEqualTo("amount");
        assertThat(thrownInConstructor.get("detail").asText()).isEqualTo("request body is not a valid Payment: is not a valid value");
        assertThat(unparsable.get("detail").asText()).startsWith("request body is not valid JSON at line 1");
    }

    @Test
    void aDecodingFailureAnswers400WithoutTheDecodersMessage() throws Exception {
        HttpResponse response = run((request, context) -> {
            throw new dev.portablefn.api.EventDecodingException("Azure HTTP request: 'Url' is not a URL: Illegal character at 3");
        });

        assertThat(response.status()).isEqualTo(400);
        assertThat(problem(response).get("detail").asText()).isEqualTo("The request could not be read.");
    }

    @Test
    void aResponseTheProviderCannotCarryBecomesA500BeforeTheFunctionsMiddlewareSeesIt() throws Exception {
        java.util.List<Integer> seenByMiddleware = new java.util.ArrayList<>();
        PortableFunction function = PortableFunction.http((request, context) -> HttpResponse.ok().text("x".repeat(100)))
                .with((invocation, next) -> {
                    HttpResponse response = (HttpResponse) next.proceed(invocation);
                    seenByMiddleware.add(response.status());
                    return response;
                });
        FunctionRunner base = FunctionRunner.of(function);
        FunctionRunner limited = base.withResponseCheck(response -> response.bodyLength() > 10 ? "body over 10 bytes" : null);

        HttpResponse refused = limited.http(HttpRequest.builder("GET", "/").build(), context());
        HttpResponse unchecked = base.http(HttpRequest.builder("GET", "/").build(), context());

        assertThat(refused.status()).isEqualTo(500);
        assertThat(problem(refused).get("detail").asText()).contains("req-42").doesNotContain("10 bytes");
        assertThat(seenByMiddleware).containsExactly(500, 200);
        assertThat(unchecked.status()).isEqualTo(200);
        assertThat(limited.checked(HttpResponse.ok().text("x".repeat(11)), context()).status()).isEqualTo(500);
        assertThat(limited.checked(HttpResponse.ok(), context()).status()).isEqualTo(200);
    }
}
