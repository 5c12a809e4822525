package dev.portablefn.runtime.internal.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.TraceContext;
import dev.portablefn.api.Trigger;
import dev.portablefn.runtime.internal.FunctionRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutboundCallsTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final TraceContext TRACE =
            new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true, null);

    private static Context context(Duration left) {
        Context.Builder builder = Context.builder().requestId("req-1").functionName("orders").provider(Provider.AWS)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).trace(TRACE);
        return (left == null ? builder : builder.deadline(NOW.plus(left))).build();
    }

    private static Event<Object> event() {
        return Event.builder().id("m-1").source("orders").type("test").trigger(Trigger.QUEUE).data("x").build();
    }

    @Test
    void theRunnerMakesTheInvocationsContextCurrentOnlyWhileTheFunctionRuns() {
        List<Optional<Context>> seen = new ArrayList<>();
        EventFunction<String> function = (event, context) -> seen.add(CurrentInvocation.context());
        Context context = context(null);

        FunctionRunner.of(PortableFunction.event(String.class, function)).event(event(), context);

        assertThat(seen).containsExactly(Optional.of(context));
        assertThat(CurrentInvocation.context()).isEmpty();
    }

    @Test
    void aNestedInvocationRestoresTheOuterContext() {
        Context outer = context(null);
        Context inner = context(Duration.ofSeconds(1));

        Context before = CurrentInvocation.onThisThread().enter(outer);
        Context saved = CurrentInvocation.onThisThread().enter(inner);
        CurrentInvocation.onThisThread().exit(saved);

        assertThat(CurrentInvocation.context()).contains(outer);
        CurrentInvocation.onThisThread().exit(before);
        assertThat(CurrentInvocation.context()).isEmpty();
    }

    @Test
    void anotherThreadDoesNotSeeTheInvocationCurrentOnThisOne() throws Exception {
        Context outer = CurrentInvocation.onThisThread().enter(context(null));
        try {
            List<Optional<Context>> seenElsewhere = new ArrayList<>();
            Thread other = new Thread(() -> seenElsewhere.add(CurrentInvocation.context()));
            other.start();
            other.join(10_000);

            assertThat(seenElsewhere).containsExactly(Optional.empty());
            assertThat(CurrentInvocation.context()).isPresent();
        } finally {
            CurrentInvocation.onThisThread().exit(outer);
        }
    }

    @Test
    void messagesCarryTheCurrentTraceUnlessTheCallerSetOne() {
        Context outer = CurrentInvocation.onThisThread().enter(context(null));
        try {
            assertThat(OutboundCalls.withTrace(Map.of("kind", "paid")))
                    .containsEntry("kind", "paid")
                    .containsEntry("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
            assertThat(OutboundCalls.withTrace(Map.of("traceparent", "mine"))).containsEntry("traceparent", "mine");
            assertThat(OutboundCalls.withTrace(null)).containsOnlyKeys("traceparent");
        } finally {
            CurrentInvocation.onThisThread().exit(outer);
        }
        assertThat(OutboundCalls.withTrace(Map.of("kind", "paid"))).containsOnlyKeys("kind");
    }

    @Test
    void callsTakeNoLongerThanTheInvocationHasLeftLessAReserve() {
        assertThat(OutboundCalls.callTimeout("payments", Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));

        Context outer = CurrentInvocation.onThisThread().enter(context(Duration.ofSeconds(2)));
        try {
            assertThat(OutboundCalls.callTimeout("payments", Duration.ofSeconds(10))).isEqualTo(Duration.ofMillis(1900));
            assertThat(OutboundCalls.callTimeout("payments", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        } finally {
            CurrentInvocation.onThisThread().exit(outer);
        }
    }

    @Test
    void aCallWithNoTimeLeftIsRetryableAndNamesTheDestination() {
        Context outer = CurrentInvocation.onThisThread().enter(context(Duration.ofMillis(50)));
        try {
            assertThatThrownBy(() -> OutboundCalls.callTimeout("payments", Duration.ofSeconds(10)))
                    .isInstanceOf(RetryableException.class).hasMessageContaining("'payments'");
        } finally {
            CurrentInvocation.onThisThread().exit(outer);
        }
    }

    @Test
    void anOversizePayloadIsAPermanentFailureNamingTheDestinationAndLimit() {
        OutboundCalls.checkSize("payments", 262_144, 262_144, "SNS");

        assertThatThrownBy(() -> OutboundCalls.checkSize("payments", 262_145, 262_144, "SNS"))
                .isInstanceOf(PermanentFailure.class)
                .hasMessage("the message to 'payments' is 262145 bytes, over SNS's limit of 262144 bytes");
    }

    @Test
    void redactionRemovesSignaturesKeysAndTokens() {
        String message = "DefaultEndpointsProtocol=https;AccountName=dev;AccountKey=abc123==;EndpointSuffix=x"
                + " url?sv=2020&sig=SECRET%2F&se=1 X-Amz-Signature=deadbeef Authorization: Bearer tok";

        String redacted = OutboundCalls.redact(message);

        assertThat(redacted).doesNotContain("abc123", "SECRET", "deadbeef", "tok")
                .contains("AccountName=dev", "AccountKey=[REDACTED]", "sig=[REDACTED]", "X-Amz-Signature=[REDACTED]");
    }
}
