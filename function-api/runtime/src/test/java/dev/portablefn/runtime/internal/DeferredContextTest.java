package dev.portablefn.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.portablefn.api.Context;
import dev.portablefn.api.Provider;
import dev.portablefn.runtime.internal.trace.TraceHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class DeferredContextTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
    private static final Logger LOGGER = LoggerFactory.getLogger("dev.portablefn.function.orders");
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void traceIsWorkedOutOnFirstUseAndThenKept() {
        AtomicInteger parses = new AtomicInteger();
        Context context = DeferredContext.withRequestId(Provider.GCP, "orders", LOGGER, CLOCK, null, "req-1", () -> {
            parses.incrementAndGet();
            return TraceHeaders.fromTraceparent(TRACEPARENT).orElse(null);
        });

        assertThat(parses).hasValue(0);
        assertThat(context.traceId()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(context.trace()).isSameAs(context.trace());
        assertThat(parses).hasValue(1);
        assertThat(DeferredContext.withRequestId(Provider.GCP, "orders", LOGGER, CLOCK, null, "req-1", () -> null).trace())
                .isEmpty();
    }

    @Test
    void requestIdFromASourceIsWorkedOutOnceEvenWhenThreadsRace() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Context context = DeferredContext.withRequestIdFrom(Provider.GCP, "orders", LOGGER, CLOCK, null,
                () -> "generated-" + calls.incrementAndGet(), () -> null);
        assertThat(calls).as("not worked out before it is asked for").hasValue(0);

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(threads.submit(context::requestId));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("generated-1");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(calls).hasValue(1);
        assertThat(context).hasToString("Context[requestId=generated-1, functionName=orders, provider=GCP]");
    }

    @Test
    void aRequestIdSourceMustGiveAnIdAndEveryPartIsRequired() {
        assertThatNullPointerException().isThrownBy(() -> DeferredContext.withRequestIdFrom(Provider.GCP, "orders", LOGGER,
                CLOCK, null, () -> null, () -> null).requestId()).withMessageContaining("gave no id");
        assertThatNullPointerException().isThrownBy(() -> DeferredContext.withRequestIdFrom(Provider.GCP, "orders", LOGGER,
                CLOCK, null, null, () -> null));
        assertThatNullPointerException().isThrownBy(() -> DeferredContext.withRequestId(Provider.GCP, "orders", LOGGER,
                CLOCK, null, null, () -> null)).withMessageContaining("request id");
        assertThatNullPointerException().isThrownBy(() -> DeferredContext.withRequestId(Provider.GCP, "orders", LOGGER,
                CLOCK, null, "req-1", null));
        assertThatNullPointerException().isThrownBy(() -> DeferredContext.withRequestId(Provider.GCP, "orders", null,
                CLOCK, null, "req-1", () -> null));
    }

    @Test
    void answersTheRestAsGivenWithoutADeadline() {
        Context context = DeferredContext.withRequestId(Provider.AZURE, "orders", LOGGER, CLOCK, new StringBuilder("native"),
                "inv-1", () -> null);

        assertThat(context.requestId()).isEqualTo("inv-1");
        assertThat(context.functionName()).isEqualTo("orders");
        assertThat(context.provider()).isEqualTo(Provider.AZURE);
        assertThat(context.clock()).isSameAs(CLOCK);
        assertThat(context.logger()).isSameAs(LOGGER);
        assertThat(context.deadline()).isEmpty();
        assertThat(context.remainingTime()).isEqualTo(Context.builder().requestId("r").functionName("f")
                .provider(Provider.AZURE).build().remainingTime()).isGreaterThan(Duration.ofDays(30));
        assertThat(context.remainingTime()).isSameAs(Context.NO_DEADLINE);
        assertThat(context.unwrap(CharSequence.class)).hasToString("native");
        assertThatIllegalArgumentException().isThrownBy(() -> context.unwrap(Integer.class))
                .withMessageContaining("AZURE").withMessageContaining("java.lang.Integer").withMessageContaining("StringBuilder");
    }
}
