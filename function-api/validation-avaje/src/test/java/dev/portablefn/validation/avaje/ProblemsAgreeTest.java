package dev.portablefn.validation.avaje;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.runtime.internal.FunctionRunner;
import dev.portablefn.runtime.internal.Outcome;
import dev.portablefn.runtime.json.JacksonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An HTTP function run by {@link FunctionRunner} answers each body, valid or not, with the same response whichever
 * engine is behind the shared validation: the same status, headers and problem+json, byte for byte; an event
 * function's messages get the same outcome and rejection.
 */
class ProblemsAgreeTest {

    private static final HttpFunction CREATE = (request, context) -> switch (request.path()) {
        case "/courses" -> HttpResponse.status(201).json(request.bodyAs(Shapes.NewCourse.class));
        case "/profiles" -> HttpResponse.status(201).json(request.bodyAs(Shapes.Profile.class));
        default -> HttpResponse.notFound("no route");
    };

    private static final FunctionRunner RUNNER = FunctionRunner.of(PortableFunction.http(CREATE));

    @Test
    void everyBodyGetsTheSameResponseFromEitherEngine() {
        Samples samples = new Samples(7);
        List<HttpRequest> requests = new ArrayList<>();
        samples.courses(150).forEach(course -> requests.add(post("/courses", course)));
        samples.profiles(400).forEach(profile -> requests.add(post("/profiles", profile)));
        int problems = 0;
        int hibernateBefore = SwitchableEngine.hibernateValidations();

        for (HttpRequest request : requests) {
            HttpResponse byAvaje = RUNNER.http(request, context());
            HttpResponse byHibernate = SwitchableEngine.withHibernateValidator(() -> RUNNER.http(request, context()));

            assertThat(text(byAvaje)).as(request.bodyAsString()).isEqualTo(text(byHibernate));
            assertThat(byAvaje.status()).isEqualTo(byHibernate.status());
            assertThat(byAvaje.headers().toString()).isEqualTo(byHibernate.headers().toString());
            problems += byAvaje.status() == 400 ? 1 : 0;
        }

        assertThat(SwitchableEngine.hibernateValidations() - hibernateBefore).as("validations by Hibernate Validator")
                .isEqualTo(requests.size());
        assertThat(problems).as("bodies rejected").isBetween(requests.size() / 4, requests.size() - 10);
    }

    @Test
    void everyQueueMessageGetsTheSameOutcomeFromEitherEngine() {
        FunctionRunner runner = FunctionRunner.of(PortableFunction.event(Shapes.Profile.class, (event, context) -> { }));
        int rejected = 0;

        for (Object profile : new Samples(11).profiles(300)) {
            Event<Object> message = Event.builder().id("m-1").source("orders").type("aws:sqs").trigger(Trigger.QUEUE)
                    .data(JacksonCodec.standard().write(profile)).build();
            Outcome byAvaje = runner.event(message, context());
            Outcome byHibernate = SwitchableEngine.withHibernateValidator(() -> runner.event(message, context()));

            assertThat(byAvaje.status()).isEqualTo(byHibernate.status());
            if (byAvaje.failure() instanceof InvalidInputException invalid) {
                InvalidInputException expected = (InvalidInputException) byHibernate.failure();
                assertThat(invalid.getMessage()).isEqualTo(expected.getMessage());
                assertThat(invalid.violations()).isEqualTo(expected.violations());
                rejected++;
            } else {
                assertThat(byAvaje.failure()).isNull();
                assertThat(byHibernate.failure()).isNull();
            }
        }

        assertThat(rejected).as("messages rejected").isBetween(75, 290);
    }

    @Test
    void aCustomMessagePassesThroughUnchanged() {
        HttpResponse response = RUNNER.http(post("/courses", new Shapes.NewCourse("Java", 3, "java-1")), context());

        assertThat(response.status()).isEqualTo(400);
        assertThat(text(response)).contains("\"field\":\"code\"", "\"message\":\"must look like CS-101\"");
    }

    private static HttpRequest post(String path, Object body) {
        return HttpRequest.builder("POST", path).header("Content-Type", "application/json")
                .body(JacksonCodec.standard().write(body)).build();
    }

    private static Context context() {
        return Context.builder().requestId("req-22").functionName("courses").provider(Provider.LOCAL)
                .clock(Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC)).build();
    }

    private static String text(HttpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
