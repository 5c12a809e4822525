package dev.portablefn.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.Context;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.runtime.internal.FunctionRunner;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class CallPolicyTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final CallPolicy.Sleeper advancingSleeper = duration -> {
        sleeps.add(duration);
        clock.advance(duration);
    };
    private final AtomicInteger attempts = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    private Context contextWithDeadlineIn(Duration left) {
        return Context.builder().requestId("req-1").functionName("checkout").provider(Provider.AWS)
                .clock(clock).deadline(clock.instant().plus(left)).build();
    }

    private String failUntilThirdAttempt() throws IOException {
        if (attempts.incrementAndGet() < 3) {
            throw new IOException("connection reset");
        }
        return "ok";
    }

    @Test
    void flakyDependencySucceedsOnTheThirdAttempt() {
        CallPolicy policy = CallPolicy.builder("payments").retry(3, Duration.ofMillis(100), 2.0, 0.0)
                .sleeper(advancingSleeper).build();

        String result = policy.call(contextWithDeadlineIn(Duration.ofSeconds(30)), this::failUntilThirdAttempt);

        assertThat(result).isEqualTo("ok");
        assertThat(attempts).hasValue(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @RepeatedTest(20)
    void backoffWithJitterStaysWithinItsBounds() {
        double jitter = 0.5;
        CallPolicy policy = CallPolicy.builder("flaky").retry(6, Duration.ofMillis(100), 2.0, jitter)
                .sleeper(advancingSleeper).build();

        assertThatThrownBy(() -> policy.call(contextWithDeadlineIn(Duration.ofMinutes(5)), () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("still down " + attempts.get());
        })).isInstanceOf(IllegalStateException.class).hasMessage("still down 6");

        assertThat(sleeps).hasSize(5);
        for (int i = 0; i < sleeps.size(); i++) {
            double base = 100 * Math.pow(2.0, i);
            assertThat(sleeps.get(i).toMillis()).as("wait after attempt %d", i + 1)
                    .isBetween((long) Math.floor(base * (1 - jitter)), (long) Math.ceil(base * (1 + jitter)));
        }
    }

    @Test
    void maxBackoffCapsEachWait() {
        CallPolicy policy = CallPolicy.builder("capped").retry(5, Duration.ofMillis(100), 10.0, 0.0, Duration.ofMillis(300))
                .sleeper(advancingSleeper).build();

        assertThatThrownBy(() -> policy.call(contextWithDeadlineIn(Duration.ofMinutes(1)), () -> {
            throw new IllegalStateException("down");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(300),
                Duration.ofMillis(300));
    }

    @Test
    void retriesStopBeforeTheNextBackoffWouldPassTheDeadline() {
        Context context = contextWithDeadlineIn(Duration.ofSeconds(1));
        Instant deadline = context.deadline().orElseThrow();
        CallPolicy policy = CallPolicy.builder("slow").retry(10, Duration.ofMillis(200), 2.0, 0.0)
                .sleeper(advancingSleeper).build();

        assertThatThrownBy(() -> policy.call(context, () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("timeout from dependency");
        })).isInstanceOf(IllegalStateException.class);

        // Waits of 200 and 400 ms fit in 1 s; the next, 800 ms, would pass the deadline with 400 ms left.
        assertThat(attempts).hasValue(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(clock.instant()).isBefore(deadline);
    }

    @Test
    void noRetryWhenTheInvocationHasNoTimeLeft() {
        Context context = contextWithDeadlineIn(Duration.ofMillis(50));
        CallPolicy policy = CallPolicy.builder("late").retry(5, Duration.ofMillis(100), 2.0, 0.0)
                .sleeper(advancingSleeper).build();

        assertThatThrownBy(() -> policy.call(context, () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("down");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(attempts).hasValue(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void permanentFailureIsNotRetried() {
        CallPolicy policy = CallPolicy.builder("validation").retry(5, Duration.ofMillis(10), 2.0, 0.0)
                .sleeper(advancingSleeper).build();

        assertThatThrownBy(() -> policy.call(contextWithDeadlineIn(Duration.ofMinutes(1)), () -> {
            attempts.incrementAndGet();
            throw new PermanentFailure("no such account");
        })).isInstanceOf(PermanentFailure.class).hasMessage("no such account");

        assertThat(attempts).hasValue(1);
    }

    @Test
    void checkedFailureOfTheLastAttemptIsThrownAsRetryable() {
        CallPolicy policy = CallPolicy.builder("io").retry(2, Duration.ofMillis(10), 1.0, 0.0)
                .sleeper(advancingSleeper).build();

        assertThatThrownBy(() -> policy.call(contextWithDeadlineIn(Duration.ofMinutes(1)), () -> {
            attempts.incrementAndGet();
            throw new IOException("connection refused");
        })).isInstanceOf(RetryableException.class).hasMessageContaining("'io'")
                .hasCauseInstanceOf(IOException.class);

        assertThat(attempts).hasValue(2);
    }

    @Test
    void retryConfigDecidesWhichFailuresAreRetried() {
        CallPolicy policy = CallPolicy.builder("configured").retry(RetryConfig.custom().maxAttempts(4)
                        .waitDuration(Duration.ofMillis(50)).retryExceptions(IOException.class).build())
                .sleeper(advancingSleeper).build();
        Context context = contextWithDeadlineIn(Duration.ofMinutes(1));

        assertThat(policy.call(context, this::failUntilThirdAttempt)).isEqualTo("ok");
        assertThat(sleeps).containsExactly(Duration.ofMillis(50), Duration.ofMillis(50));

        attempts.set(0);
        assertThatThrownBy(() -> policy.call(context, () -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("not retried");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void circuitOpensAfterFailuresAndThenRejectsWithoutCalling() {
        CircuitBreaker breaker = Resilience.circuitBreaker("inventory", 50, 4, Duration.ofMinutes(1));
        CallPolicy policy = CallPolicy.builder("inventory").retry(3, Duration.ofMillis(10), 1.0, 0.0)
                .circuitBreaker(breaker).sleeper(advancingSleeper).build();
        Context context = contextWithDeadlineIn(Duration.ofMinutes(1));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> policy.call(context, () -> {
                attempts.incrementAndGet();
                throw new IllegalStateException("503 from inventory");
            })).isInstanceOf(RuntimeException.class);
        }
        int attemptsBeforeOpen = attempts.get();
        int sleepsBeforeOpen = sleeps.size();

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> policy.call(context, () -> attempts.incrementAndGet()))
                .isInstanceOf(RetryableException.class)
                .hasMessageContaining("circuit breaker 'inventory' is OPEN")
                .hasCauseInstanceOf(CallNotPermittedException.class);
        assertThat(attempts).hasValue(attemptsBeforeOpen);
        assertThat(sleeps).hasSize(sleepsBeforeOpen);
    }

    @Test
    void permanentFailuresDoNotOpenTheCircuit() {
        CircuitBreaker breaker = Resilience.circuitBreaker("lookup", 50, 2, Duration.ofMinutes(1));
        CallPolicy policy = CallPolicy.builder("lookup").circuitBreaker(breaker).build();

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> policy.call(contextWithDeadlineIn(Duration.ofMinutes(1)), () -> {
                throw new PermanentFailure("unknown sku");
            })).isInstanceOf(PermanentFailure.class);
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void bulkheadRejectsCallsOverItsCapacity() throws Exception {
        Bulkhead bulkhead = Resilience.bulkhead("reports", 1);
        CallPolicy policy = CallPolicy.builder("reports").bulkhead(bulkhead).build();
        Context context = contextWithDeadlineIn(Duration.ofMinutes(1));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        Future<String> holder = executor.submit(() -> policy.call(context, () -> {
            inside.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "first";
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> policy.call(context, () -> attempts.incrementAndGet()))
                .isInstanceOf(RetryableException.class)
                .hasMessageContaining("bulkhead 'reports' is full")
                .hasCauseInstanceOf(BulkheadFullException.class);
        assertThat(attempts).hasValue(0);

        release.countDown();
        assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(policy.call(context, () -> "after")).isEqualTo("after");
    }

    @Test
    void timeLimitIsBoundToTheInvocationsRemainingTime() throws Exception {
        // A fixed clock: the invocation always has exactly 150 ms left, far below the 10 s per-attempt limit.
        Context context = Context.builder().requestId("req-2").functionName("checkout").provider(Provider.GCP)
                .clock(Clock.fixed(T0, ZoneOffset.UTC)).deadline(T0.plusMillis(150)).build();
        CallPolicy policy = CallPolicy.builder("hanging").timeLimit(Duration.ofSeconds(10)).executor(executor).build();
        CountDownLatch interrupted = new CountDownLatch(1);

        assertThatThrownBy(() -> policy.call(context, () -> {
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);
                return "never";
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        })).isInstanceOf(RetryableException.class)
                .hasMessageContaining("150 ms")
                .hasMessageContaining("remaining time");

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the hanging call was cancelled").isTrue();
    }

    @Test
    void timeLimitedCallReturnsItsResultAndFailure() {
        CallPolicy policy = CallPolicy.builder("quick").timeLimit().executor(executor).build();
        Context context = contextWithDeadlineIn(Duration.ofMinutes(1));

        assertThat(policy.call(context, () -> "fast")).isEqualTo("fast");
        assertThatThrownBy(() -> policy.call(context, () -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }

    @Test
    void timeLimitedCallIsNotStartedWhenNoTimeIsLeft() {
        Context context = contextWithDeadlineIn(Duration.ZERO);
        CallPolicy policy = CallPolicy.builder("late").timeLimit().executor(executor).build();

        assertThatThrownBy(() -> policy.call(context, () -> attempts.incrementAndGet()))
                .isInstanceOf(RetryableException.class).hasMessageContaining("no time left");
        assertThat(attempts).hasValue(0);
    }

    @Test
    void middlewareFormAppliesThePolicyAroundTheFunction() {
        AtomicInteger runs = new AtomicInteger();
        CallPolicy policy = CallPolicy.builder("whole").retry(2, Duration.ofMillis(10), 1.0, 0.0)
                .sleeper(advancingSleeper).build();
        FunctionRunner runner = FunctionRunner.of(PortableFunction.http((request, ctx) -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("cold cache");
            }
            return HttpResponse.ok().text("warm");
        }).with(policy.asMiddleware()));

        HttpResponse response = runner.http(HttpRequest.builder("GET", "/").build(), contextWithDeadlineIn(Duration.ofMinutes(1)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("warm");
        assertThat(runs).hasValue(2);
    }

    @Test
    void invalidRetrySettingsAreRefusedWithTheValue() {
        assertThatThrownBy(() -> CallPolicy.builder().retry(0, Duration.ofMillis(10), 2.0, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
        assertThatThrownBy(() -> CallPolicy.builder().retry(3, Duration.ofMillis(10), 2.0, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
        assertThatThrownBy(() -> CallPolicy.builder().retry(3, Duration.ofMillis(10), 0.5, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.5");
    }
}
