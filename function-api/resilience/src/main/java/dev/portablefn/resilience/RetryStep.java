package dev.portablefn.resilience;

import dev.portablefn.api.Context;
import dev.portablefn.api.PermanentFailure;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Retries with Resilience4j's backoff functions but its own loop, so waits go through an injectable
 * {@link CallPolicy.Sleeper} and stop before they would pass the invocation's deadline.
 */
final class RetryStep {
    private final int maxAttempts;
    private final IntervalBiFunction<Object> interval;
    private final Predicate<Throwable> retryOn;
    private final Predicate<Object> retryOnResult;

    private RetryStep(int maxAttempts, IntervalBiFunction<Object> interval, Predicate<Throwable> retryOn,
                      Predicate<Object> retryOnResult) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.interval = interval;
        this.retryOn = retryOn;
        this.retryOnResult = retryOnResult;
    }

    static RetryStep exponential(int maxAttempts, Duration initialBackoff, double multiplier, double jitter,
                                 Duration maxBackoff) {
        if (initialBackoff == null || initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive, got " + initialBackoff);
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("backoff multiplier must be at least 1.0, got " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
        IntervalFunction function;
        if (jitter == 0.0) {
            function = maxBackoff == null ? IntervalFunction.ofExponentialBackoff(initialBackoff, multiplier)
                    : IntervalFunction.ofExponentialBackoff(initialBackoff, multiplier, maxBackoff);
        } else {
            function = maxBackoff == null ? IntervalFunction.ofExponentialRandomBackoff(initialBackoff, multiplier, jitter)
                    : IntervalFunction.ofExponentialRandomBackoff(initialBackoff, multiplier, jitter, maxBackoff);
        }
        return new RetryStep(maxAttempts, IntervalBiFunction.ofIntervalFunction(function), e -> true, r -> false);
    }

    static RetryStep of(RetryConfig config) {
        IntervalBiFunction<Object> interval = config.getIntervalBiFunction();
        if (interval == null) {
            interval = IntervalBiFunction.ofIntervalFunction(IntervalFunction.of(RetryConfig.DEFAULT_WAIT_DURATION));
        }
        Predicate<Throwable> exceptions = config.getExceptionPredicate();
        Predicate<Object> results = config.getResultPredicate();
        return new RetryStep(config.getMaxAttempts(), interval,
                exceptions == null ? e -> true : exceptions, results == null ? r -> false : results);
    }

    int maxAttempts() {
        return maxAttempts;
    }

    Object run(Callable<Object> attempt, Context context, CallPolicy.Sleeper sleeper, String name) throws Exception {
        for (int attemptNumber = 1; ; attemptNumber++) {
            long waitMillis;
            Object result = null;
            Exception failure = null;
            try {
                result = attempt.call();
                if (attemptNumber >= maxAttempts || !retryOnResult.test(result)) {
                    return result;
                }
                waitMillis = interval.apply(attemptNumber, Either.right(result));
            } catch (Exception e) {
                if (attemptNumber >= maxAttempts || !isRetryable(e)) {
                    throw e;
                }
                failure = e;
                waitMillis = interval.apply(attemptNumber, Either.left(e));
            }
            Duration wait = Duration.ofMillis(Math.max(0, waitMillis));
            Duration remaining = context.remainingTime();
            if (wait.compareTo(remaining) >= 0) {
                context.logger().warn("'{}' gave up after attempt {} of {}: the next backoff of {} ms would pass the"
                        + " invocation's deadline ({} ms left)", name, attemptNumber, maxAttempts, wait.toMillis(),
                        remaining.toMillis());
                if (failure != null) {
                    throw failure;
                }
                return result;
            }
            context.logger().debug("'{}' attempt {} of {} failed ({}); retrying in {} ms", name, attemptNumber,
                    maxAttempts, failure != null ? failure.toString() : "result rejected", wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                CallRejectedException interrupted = new CallRejectedException("'" + name
                        + "' was interrupted while waiting to retry", e);
                if (failure != null) {
                    interrupted.addSuppressed(failure);
                }
                throw interrupted;
            }
        }
    }

    private boolean isRetryable(Exception e) {
        return !(e instanceof CallRejectedException) && !(e instanceof PermanentFailure) && retryOn.test(e);
    }
}
