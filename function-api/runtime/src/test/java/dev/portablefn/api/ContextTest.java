package dev.portablefn.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.portablefn.api.TraceContext;
import dev.portablefn.runtime.internal.trace.TraceHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ContextTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static Context.Builder base() {
        return Context.builder().requestId("req-1").functionName("orders").provider(Provider.AWS).clock(CLOCK);
    }

    @Test
    void traceparentContinuesTheInvocationsTraceForOutboundCalls() {
        TraceContext xRay = TraceHeaders.fromXRay("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
                .orElseThrow();

        assertThat(base().trace(xRay).build().traceparent())
                .contains("00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01");
        assertThat(base().build().traceparent()).isEmpty();
    }

    @Test
    void builderSetsIdentity() {
        Context context = base().build();

        assertThat(context.requestId()).isEqualTo("req-1");
        assertThat(context.functionName()).isEqualTo("orders");
        assertThat(context.provider()).isEqualTo(Provider.AWS);
        assertThat(context.clock()).isSameAs(CLOCK);
        assertThat(context.logger().getName()).isEqualTo("dev.portablefn.function.orders");
        assertThat(context.deadline()).isEmpty();
        assertThat(context.trace()).isEmpty();
        assertThat(context.traceId()).isEmpty();
    }

    @Test
    void remainingTimeIsMeasuredWithTheContextClock() {
        Context context = base().deadline(NOW.plusMillis(1500)).build();

        assertThat(context.deadline()).contains(NOW.plusMillis(1500));
        assertThat(context.remainingTime()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void remainingTimeIsZeroOncePassed() {
        assertThat(base().deadline(NOW.minusSeconds(1)).build().remainingTime()).isEqualTo(Duration.ZERO);
    }

    @Test
    void remainingTimeWithoutDeadlineIsVeryLong() {
        assertThat(base().build().remainingTime()).isGreaterThan(Duration.ofDays(30));
    }

    @Test
    void theLastSettingWins() {
        TraceContext given = TraceHeaders.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();

        assertThat(base().trace(null).trace(given).build().trace()).contains(given);
        assertThat(base().trace(given).trace(null).build().trace()).isEmpty();
        assertThat(base().requestId("first").requestId("given").build().requestId()).isEqualTo("given");
    }

    @Test
    void describesItselfByIdentity() {
        assertThat(base().build()).hasToString("Context[requestId=req-1, functionName=orders, provider=AWS]");
    }

    @Test
    void traceIdComesFromTheTrace() {
        TraceContext trace = TraceHeaders.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();

        Context context = base().trace(trace).build();

        assertThat(context.trace()).contains(trace);
        assertThat(context.traceId()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void unwrapGivesNativeContextOrExplains() {
        Context context = base().nativeContext(new StringBuilder("native")).build();

        assertThat(context.unwrap(CharSequence.class)).hasToString("native");
        assertThatIllegalArgumentException().isThrownBy(() -> context.unwrap(Integer.class))
                .withMessageContaining("AWS").withMessageContaining("java.lang.Integer").withMessageContaining("StringBuilder");
        assertThatIllegalArgumentException().isThrownBy(() -> base().build().unwrap(Object.class))
                .withMessageContaining("wraps nothing");
    }

    @Test
    void identityIsRequired() {
        assertThatNullPointerException().isThrownBy(() -> Context.builder().functionName("f").provider(Provider.GCP).build())
                .withMessageContaining("request id");
        assertThatNullPointerException().isThrownBy(() -> Context.builder().requestId("r").provider(Provider.GCP).build())
                .withMessageContaining("function name");
        assertThatNullPointerException().isThrownBy(() -> Context.builder().requestId("r").functionName("f").build())
                .withMessageContaining("provider");
        assertThatNullPointerException().isThrownBy(() -> Context.builder().clock(null));
    }

    @Test
    void defaultClockIsUtcSystemClock() {
        assertThat(Context.builder().requestId("r").functionName("f").provider(Provider.LOCAL).build().clock().getZone())
                .isEqualTo(ZoneOffset.UTC);
    }
}
