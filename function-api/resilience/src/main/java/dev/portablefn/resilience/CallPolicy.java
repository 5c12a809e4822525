package dev.portablefn.resilience;

import dev.portablefn.api.Context;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.middleware.Middleware;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a function calls a flaky dependency: retry with exponential backoff and jitter, a circuit
 * breaker, a bulkhead and a time limit, built once and shared (it is thread-safe):
 * <pre>{@code
 * static final CallPolicy PAYMENTS = CallPolicy.builder("payments")
 *         .retry(3, Duration.ofMillis(100), 2.0, 0.5)
 *         .circuitBreaker(Resilience.circuitBreaker("payments", 50, 20, Duration.ofSeconds(30)))
 *         .timeLimit()
 *         .build();
 * ...
 * Receipt receipt = PAYMENTS.call(context, () -> client.charge(order));
 * }</pre>
 * Whatever order the builder is given, a call runs as retry( circuit breaker( time limit( bulkhead( call )))),
 * Resilience4j's recommended order. A retry never outlives the invocation: the policy stops when the next
 * backoff would pass {@link Context#remainingTime()}, and the time limit is at most the remaining time.
 * Rejections (open circuit, full bulkhead, no time left) are {@link RetryableException}s and are not
 * retried within the call; {@link dev.portablefn.api.PermanentFailure}s are never retried.
 *
 * <p>The Resilience4j modules come with this artifact; should an application exclude one, the builder methods
 * that need it throw an {@link IllegalStateException} naming the module to add back.
 */
public final class CallPolicy {

    private final String name;
    private final RetryStep retry;
    private final List<Step> steps;
    private final Sleeper sleeper;

    private CallPolicy(Builder builder) {
        this.name = builder.name;
        this.retry = builder.retry;
        List<Step> ordered = new ArrayList<>();
        // Applied innermost first: bulkhead, time limit, circuit breaker.
        if (builder.bulkhead != null) {
            ordered.add(builder.bulkhead);
        }
        if (builder.timeLimited) {
            ordered.add(new TimeLimitStep(name, builder.perAttemptLimit,
                    builder.executor != null ? builder.executor : DefaultExecutor.INSTANCE));
        }
        if (builder.circuitBreaker != null) {
            ordered.add(builder.circuitBreaker);
        }
        this.steps = List.copyOf(ordered);
        this.sleeper = builder.sleeper;
    }

    /**
     * Starts a policy for calls to one dependency.
     *
     * @param name names the dependency in logs and errors, such as {@code "payments"}
     * @return a builder with no retry, circuit breaker, bulkhead or time limit yet
     * @throws IllegalArgumentException if {@code name} is {@code null} or blank
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Starts a policy without a dependency name, for when logs and errors need not say which call it was.
     *
     * @return a builder for a policy named {@code "call"}
     */
    public static Builder builder() {
        return new Builder("call");
    }

    /**
     * Names the dependency this policy protects, as logs and errors do.
     *
     * @return the policy's name
     */
    public String name() {
        return name;
    }

    /**
     * Makes the call under this policy: retried, guarded and time-limited as configured, never past the
     * invocation's deadline.
     *
     * @param context the invocation, for its deadline, clock and logger
     * @param call    the call to the dependency
     * @param <T>     the call's result type
     * @return the call's result
     * @throws RetryableException when the call was rejected, timed out, or failed with a checked exception
     *         (the cause is that exception); unchecked exceptions of the last attempt are thrown as they are
     * @throws NullPointerException if either argument is {@code null}
     */
    @SuppressWarnings("unchecked")
    public <T> T call(Context context, Callable<T> call) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(call, "call");
        Callable<Object> decorated = (Callable<Object>) call;
        for (Step step : steps) {
            decorated = step.decorate(decorated, context);
        }
        try {
            return (T) (retry == null ? decorated.call() : retry.run(decorated, context, sleeper, name));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RetryableException("call '" + name + "' failed: " + e, e);
        }
    }

    /**
     * Applies this policy to the whole invocation (everything after it in the chain). Usually wrong for
     * retries: re-running a function repeats its side effects, holds the provider's invocation while it
     * waits, and duplicates the provider's own redelivery; retry the calls the function makes with
     * {@link #call} instead. A bulkhead or circuit breaker around the whole function can make sense.
     *
     * @return the middleware
     */
    public Middleware asMiddleware() {
        return (invocation, next) -> call(invocation.context(), () -> next.proceed(invocation));
    }

    @Override
    public String toString() {
        return "CallPolicy{" + name + (retry == null ? "" : ", " + retry.maxAttempts() + " attempts")
                + ", " + steps.size() + " guards}";
    }

    /** Waits between retries; tests substitute one that advances a controllable clock. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Waits before the next attempt.
         *
         * @param duration how long to wait
         * @throws InterruptedException if interrupted; the call then fails with a {@link RetryableException}
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Builds a {@link CallPolicy}; every part is optional. */
    public static final class Builder {
        private final String name;
        private RetryStep retry;
        private Step circuitBreaker;
        private Step bulkhead;
        private boolean timeLimited;
        private Duration perAttemptLimit;
        private ExecutorService executor;
        private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a call policy needs a name, such as the dependency it calls");
            }
            this.name = name;
        }

        /**
         * Retries failed attempts with exponential backoff: attempt n waits
         * {@code initialBackoff * multiplier^(n-1)}, randomized by ±{@code jitter} (0.5 means 50%..150%).
         *
         * @param maxAttempts    the most attempts, including the first; at least 1
         * @param initialBackoff the wait after the first failure; positive
         * @param multiplier     the growth per attempt; at least 1.0
         * @param jitter         the randomization factor in [0, 1)
         * @return this builder
         * @throws IllegalArgumentException if a value is outside its range
         * @throws IllegalStateException if Resilience4j is not on the classpath
         */
        public Builder retry(int maxAttempts, Duration initialBackoff, double multiplier, double jitter) {
            return retry(maxAttempts, initialBackoff, multiplier, jitter, null);
        }

        /**
         * Retries failed attempts with exponential backoff as {@link #retry(int, Duration, double, double)} does,
         * with a cap on each wait.
         *
         * @param maxAttempts    the most attempts, including the first; at least 1
         * @param initialBackoff the wait after the first failure; positive
         * @param multiplier     the growth per attempt; at least 1.0
         * @param jitter         the randomization factor in [0, 1)
         * @param maxBackoff     the longest wait, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if a value is outside its range
         * @throws IllegalStateException if Resilience4j is not on the classpath
         */
        public Builder retry(int maxAttempts, Duration initialBackoff, double multiplier, double jitter,
                             Duration maxBackoff) {
            Requirement.require(Requirement.CORE, "io.github.resilience4j:resilience4j-retry", "CallPolicy retries");
            this.retry = RetryStep.exponential(maxAttempts, initialBackoff, multiplier, jitter, maxBackoff);
            return this;
        }

        /**
         * Retries as a Resilience4j {@link RetryConfig} says: its max attempts, interval function and
         * exception and result predicates (waits still stop at the deadline; permanent failures and
         * rejections are still not retried).
         *
         * @param config the retry configuration
         * @return this builder
         * @throws IllegalStateException if resilience4j-retry is not on the classpath
         */
        public Builder retry(RetryConfig config) {
            Requirement.require(Requirement.RETRY, "io.github.resilience4j:resilience4j-retry", "CallPolicy.retry(RetryConfig)");
            this.retry = RetryStep.of(Objects.requireNonNull(config, "config"));
            return this;
        }

        /**
         * Guards each attempt with a circuit breaker, so calls to a failing dependency are rejected fast as
         * retryable failures instead of waiting on it.
         *
         * @param breaker a Resilience4j circuit breaker, shared by every call to the dependency
         *                (see {@link Resilience#circuitBreaker})
         * @return this builder
         * @throws IllegalStateException if resilience4j-circuitbreaker is not on the classpath
         */
        public Builder circuitBreaker(CircuitBreaker breaker) {
            Requirement.require(Requirement.CIRCUIT_BREAKER, "io.github.resilience4j:resilience4j-circuitbreaker",
                    "CallPolicy.circuitBreaker");
            this.circuitBreaker = new CircuitBreakerStep(Objects.requireNonNull(breaker, "circuit breaker"));
            return this;
        }

        /**
         * Bounds how many calls run at once; a call over the bound is rejected as a retryable failure.
         *
         * @param limit a Resilience4j bulkhead bounding concurrent calls (see {@link Resilience#bulkhead})
         * @return this builder
         * @throws IllegalStateException if resilience4j-bulkhead is not on the classpath
         */
        public Builder bulkhead(Bulkhead limit) {
            Requirement.require(Requirement.BULKHEAD, "io.github.resilience4j:resilience4j-bulkhead", "CallPolicy.bulkhead");
            this.bulkhead = new BulkheadStep(Objects.requireNonNull(limit, "bulkhead"));
            return this;
        }

        /**
         * Bounds each attempt by the invocation's remaining time; the call runs on another thread and is
         * cancelled (interrupted) when the time is up.
         *
         * @return this builder
         * @throws IllegalStateException if resilience4j-timelimiter is not on the classpath
         */
        public Builder timeLimit() {
            Requirement.require(Requirement.TIME_LIMITER, "io.github.resilience4j:resilience4j-timelimiter",
                    "CallPolicy.timeLimit");
            this.timeLimited = true;
            this.perAttemptLimit = null;
            return this;
        }

        /**
         * Bounds each attempt by {@code perAttempt} or the invocation's remaining time, whichever is shorter.
         *
         * @param perAttempt the longest an attempt may take; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code perAttempt} is zero or negative
         * @throws IllegalStateException if resilience4j-timelimiter is not on the classpath
         */
        public Builder timeLimit(Duration perAttempt) {
            Objects.requireNonNull(perAttempt, "perAttempt");
            if (perAttempt.isZero() || perAttempt.isNegative()) {
                throw new IllegalArgumentException("per-attempt time limit must be positive, got " + perAttempt);
            }
            timeLimit();
            this.perAttemptLimit = perAttempt;
            return this;
        }

        /**
         * Chooses where time-limited calls run, for an application that manages its own threads.
         *
         * @param service runs time-limited calls; by default a shared pool of daemon threads created on first use
         * @return this builder
         * @throws NullPointerException if {@code service} is {@code null}
         */
        public Builder executor(ExecutorService service) {
            this.executor = Objects.requireNonNull(service, "executor");
            return this;
        }

        /**
         * Chooses how the policy waits between retries, such as a test's controllable clock.
         *
         * @param waits how the policy waits between retries; by default {@code Thread.sleep}
         * @return this builder
         * @throws NullPointerException if {@code waits} is {@code null}
         */
        public Builder sleeper(Sleeper waits) {
            this.sleeper = Objects.requireNonNull(waits, "sleeper");
            return this;
        }

        /**
         * Builds the policy; it is immutable and thread-safe, so build it once and share it.
         *
         * @return the policy
         */
        public CallPolicy build() {
            return new CallPolicy(this);
        }
    }

    /** The shared executor for time-limited calls, created on first use. */
    private static final class DefaultExecutor {
        static final ExecutorService INSTANCE = Executors.newCachedThreadPool(new java.util.concurrent.ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable task) {
                Thread thread = new Thread(task, "portablefn-call-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }
        });

        private DefaultExecutor() {
        }
    }
}
