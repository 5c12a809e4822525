package dev.portablefn.runtime.internal.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.TraceContext;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.batch.Ordering;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.middleware.Invocation;
import dev.portablefn.api.middleware.Middleware;
import dev.portablefn.runtime.internal.FunctionRunner;
import dev.portablefn.runtime.internal.Outcome;
import dev.portablefn.runtime.internal.trace.TraceHeaders;
import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.NOPMDCAdapter;

class StandardMiddlewareTest {

    record Note(@NotBlank String text) {
    }

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final TraceContext TRACE =
            TraceHeaders.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();

    private static Context.Builder context() {
        return Context.builder().requestId("req-9").functionName("notes").provider(Provider.GCP).clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Event<Object> event(Object data) {
        return Event.builder().id("evt-1").source("topic").type("google.cloud.pubsub.topic.v1.messagePublished")
                .trigger(Trigger.TOPIC).data(data).build();
    }

    private static Map<String, String> mdc() {
        Map<String, String> copy = MDC.getCopyOfContextMap();
        return copy == null ? Map.of() : new HashMap<>(copy);
    }

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void loggingContextFillsTheMdcOnlyWhenTheLoggingProviderKeepsOne() {
        assertThat(LoggingContextMiddleware.keepsMdc(new BasicMDCAdapter())).isTrue();
        assertThat(LoggingContextMiddleware.keepsMdc(new NOPMDCAdapter())).isFalse();
        assertThat(LoggingContextMiddleware.keepsMdc(null)).isFalse();
    }

    @Test
    void loggingContextPutsIdentityIntoMdcDuringTheCallAndRestoresAfter() throws Exception {
        MDC.put("requestId", "outer-request");
        MDC.put("unrelated", "kept");
        List<Map<String, String>> inside = new ArrayList<>();

        Object result = StandardMiddleware.loggingContext().around(new Invocation(event("x"), context().trace(TRACE).build()), invocation -> {
            inside.add(mdc());
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(inside.get(0)).containsEntry("requestId", "req-9").containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736")
                .containsEntry("spanId", "00f067aa0ba902b7").containsEntry("traceSampled", "true")
                .containsEntry("functionName", "notes").containsEntry("provider", "GCP").containsEntry("eventId", "evt-1")
                .containsEntry("unrelated", "kept");
        assertThat(mdc()).containsOnly(Map.entry("requestId", "outer-request"), Map.entry("unrelated", "kept"));
    }

    @Test
    void loggingContextRestoresAfterAFailureAndLeavesOutAbsentValues() {
        MDC.put("traceId", "outer-trace");
        List<Map<String, String>> inside = new ArrayList<>();

        assertThatIllegalStateException().isThrownBy(() -> StandardMiddleware.loggingContext()
                .around(new Invocation(HttpRequest.builder().build(), context().build()), invocation -> {
                    inside.add(mdc());
                    throw new IllegalStateException("boom");
                }));

        assertThat(inside.get(0)).containsEntry("requestId", "req-9").doesNotContainKeys("traceId", "spanId", "traceSampled",
                "eventId");
        assertThat(mdc()).containsOnly(Map.entry("traceId", "outer-trace"));
    }

    @Test
    void runnerPutsIdentityIntoMdcWhileTheFunctionRuns() {
        List<Map<String, String>> inside = new ArrayList<>();
        EventFunction<String> function = (event, context) -> inside.add(mdc());

        Outcome outcome = FunctionRunner.of(PortableFunction.event(String.class, function)).event(event("hi"), context().trace(TRACE).build());
        FunctionRunner.of(PortableFunction.http((request, context) -> {
            inside.add(mdc());
            return HttpResponse.ok();
        })).http(HttpRequest.builder().build(), context().build());

        assertThat(outcome.isSuccess()).isTrue();
        assertThat(inside.get(0)).containsOnly(Map.entry("requestId", "req-9"), Map.entry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736"),
                Map.entry("spanId", "00f067aa0ba902b7"), Map.entry("traceSampled", "true"), Map.entry("functionName", "notes"), Map.entry("provider", "GCP"), Map.entry("eventId", "evt-1"));
        assertThat(inside.get(1)).containsOnly(Map.entry("requestId", "req-9"), Map.entry("functionName", "notes"),
                Map.entry("provider", "GCP"));
        assertThat(mdc()).isEmpty();
    }

    @Test
    void accessLogIsOnOnlyWhenTheSettingSaysTrue() {
        assertThat(StandardMiddleware.accessLog(Map.of("PORTABLEFN_ACCESS_LOG", "true")::get)).isNotNull();
        assertThat(StandardMiddleware.accessLog(Map.of("PORTABLEFN_ACCESS_LOG", " TRUE ")::get)).isNotNull();
        assertThat(StandardMiddleware.accessLog(Map.of("PORTABLEFN_ACCESS_LOG", "false")::get)).isNull();
        assertThat(StandardMiddleware.accessLog(Map.of("PORTABLEFN_ACCESS_LOG", "yes")::get)).isNull();
        assertThat(StandardMiddleware.accessLog(Map.<String, String>of()::get)).isNull();
    }

    @Test
    void theStartDeadlineFailsFastWhenTooLittleTimeIsLeft() {
        Context nearlyOver = context().deadline(NOW.plusMillis(99)).build();

        assertThatThrownBy(() -> new StartDeadline(Duration.ofMillis(100)).check(nearlyOver))
                .isInstanceOf(RetryableException.class)
                .hasMessage("only 99 ms of the invocation left, less than the 100 ms needed to start; not started so the provider can retry it");
    }

    @Test
    void theStartDeadlinePassesWithEnoughTimeOrNoDeadline() {
        StartDeadline deadline = new StartDeadline(Duration.ofMillis(100));

        assertThatCode(() -> deadline.check(context().deadline(NOW.plusMillis(100)).build())).doesNotThrowAnyException();
        assertThatCode(() -> deadline.check(context().build())).doesNotThrowAnyException();
    }

    @Test
    void theStartDeadlineThresholdMustNotBeNegative() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StartDeadline(Duration.ofMillis(-1)));
        assertThatNullPointerException().isThrownBy(() -> new StartDeadline(null));
    }

    @Test
    void theRunnersValidationStepChecksEachEventsData() {
        FunctionRunner runner = FunctionRunner.of(PortableFunction.event(Note.class, (event, context) -> { }));

        assertThat(runner.event(event(new Note("ok")), context().build()).isSuccess()).isTrue();
        assertThat(runner.event(event(new Note(" ")), context().build()).failure())
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("TOPIC event evt-1 data is not a valid Note");
        assertThat(runner.batch(List.of(event(new Note("ok")), event(new Note(" "))), Ordering.UNORDERED, context().build())
                .failures()).singleElement().satisfies(failure -> assertThat(failure.cause())
                        .isInstanceOf(InvalidInputException.class)
                        .hasMessageStartingWith("TOPIC event evt-1 data is not a valid Note"));
    }

    @Test
    void userMiddlewareRunsInsideTheLibrarysInTheOrderGivenAndSeesBoundData() {
        List<String> trail = new ArrayList<>();
        Middleware outer = (invocation, next) -> {
            trail.add("outer before: " + invocation.event().data().getClass().getSimpleName());
            Object result = next.proceed(invocation);
            trail.add("outer after");
            return result;
        };
        Middleware inner = (invocation, next) -> {
            trail.add("inner before");
            Object result = next.proceed(invocation);
            trail.add("inner after");
            return result;
        };
        EventFunction<Note> function = (event, context) -> trail.add("function: " + event.data().text());

        FunctionRunner.of(PortableFunction.event(Note.class, function).with(outer, inner))
                .event(event("{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8)), context().build());

        assertThat(trail).containsExactly("outer before: Note", "inner before", "function: hi", "inner after", "outer after");
    }

    @Test
    void userMiddlewareCanShortCircuitAndItsFailuresAreClassified() {
        FunctionRunner cached = FunctionRunner.of(PortableFunction.http((request, context) -> HttpResponse.ok())
                .with((invocation, next) -> HttpResponse.status(304)));
        FunctionRunner throttled = FunctionRunner.of(PortableFunction.http((request, context) -> HttpResponse.ok())
                .with((invocation, next) -> {
                    throw new RetryableException("rate limited");
                }));

        assertThat(cached.http(HttpRequest.builder().build(), context().build()).status()).isEqualTo(304);
        assertThat(throttled.http(HttpRequest.builder().build(), context().build()).status()).isEqualTo(503);
    }

    @Test
    void userMiddlewareDoesNotRunForInvalidInput() {
        List<String> trail = new ArrayList<>();
        EventFunction<Note> function = (event, context) -> trail.add("function");

        Outcome outcome = FunctionRunner.of(PortableFunction.event(Note.class, function).with((invocation, next) -> {
            trail.add("middleware");
            return next.proceed(invocation);
        })).event(event("{\"text\":\"\"}".getBytes(StandardCharsets.UTF_8)), context().build());

        assertThat(outcome.status()).isEqualTo(Outcome.Status.PERMANENT_FAILURE);
        assertThat(trail).isEmpty();
    }

    @Test
    void invocationExposesItsInputByShape() {
        Context ctx = context().build();
        Invocation http = new Invocation(HttpRequest.builder().build(), ctx);
        Invocation single = new Invocation(event("x"), ctx);
        Invocation batch = new Invocation(List.of(event("a"), event("b")), ctx);

        assertThat(http.isHttp()).isTrue();
        assertThat(http.request().method()).isEqualTo("GET");
        assertThat(http.events()).isEmpty();
        assertThat(single.isHttp()).isFalse();
        assertThat(single.event().id()).isEqualTo("evt-1");
        assertThat(single.events()).hasSize(1);
        assertThat(batch.events()).hasSize(2);
        assertThat(single.withInput(event("y")).event().data()).isEqualTo("y");
        assertThat(single.withInput("other").context()).isSameAs(ctx);
        assertThatIllegalStateException().isThrownBy(single::request).withMessageContaining("not an HTTP invocation");
        assertThatIllegalStateException().isThrownBy(batch::event).withMessageContaining("not a single-event invocation");
        assertThatNullPointerException().isThrownBy(() -> new Invocation(null, ctx));
        assertThatNullPointerException().isThrownBy(() -> new Invocation("x", null));
    }
}
