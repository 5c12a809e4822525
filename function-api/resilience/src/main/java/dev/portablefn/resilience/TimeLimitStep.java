package dev.portablefn.resilience;

import dev.portablefn.api.Context;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import org.slf4j.MDC;

/**
 * Bounds each attempt by the smaller of a configured limit and the invocation's remaining time, using a
 * Resilience4j time limiter over a task on an executor (the caller waits; the task is cancelled on timeout).
 */
final class TimeLimitStep implements Step {
    private final String name;
    private final Duration perAttempt;
    private final ExecutorService executor;

    TimeLimitStep(String name, Duration perAttempt, ExecutorService executor) {
        this.name = name;
        this.perAttempt = perAttempt;
        this.executor = executor;
    }

    @Override
    public Callable<Object> decorate(Callable<Object> call, Context context) {
        return () -> {
            Duration remaining = context.remainingTime();
            Duration limit = perAttempt == null || remaining.compareTo(perAttempt) < 0 ? remaining : perAttempt;
            if (limit.isZero() || limit.isNegative()) {
                throw new CallRejectedException("no time left in invocation " + context.requestId()
                        + " to call '" + name + "'; not started", null);
            }
            TimeLimiter limiter = TimeLimiter.of(name, TimeLimiterConfig.custom()
                    .timeoutDuration(limit).cancelRunningFuture(true).build());
            Map<String, String> mdc = MDC.getCopyOfContextMap();
            Callable<Object> withMdc = () -> {
                Map<String, String> previous = MDC.getCopyOfContextMap();
                if (mdc != null) {
                    MDC.setContextMap(mdc);
                }
                try {
                    return call.call();
                } finally {
                    if (previous == null) {
                        MDC.clear();
                    } else {
                        MDC.setContextMap(previous);
                    }
                }
            };
            try {
                return limiter.executeFutureSupplier(() -> executor.submit(withMdc));
            } catch (TimeoutException e) {
                throw new CallTimedOutException("call '" + name + "' did not finish within " + limit.toMillis()
                        + " ms (" + (limit.equals(remaining) ? "the invocation's remaining time" : "its per-attempt limit")
                        + "); it was cancelled", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof Exception exception) {
                    throw exception;
                }
                throw (Error) cause;
            }
        };
    }
}
