package dev.portablefn.resilience;

import dev.portablefn.api.Context;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.concurrent.Callable;

/** Runs the call through a Resilience4j circuit breaker; an open circuit rejects fast. */
final class CircuitBreakerStep implements Step {
    private final CircuitBreaker circuitBreaker;

    CircuitBreakerStep(CircuitBreaker circuitBreaker) {
        this.circuitBreaker = circuitBreaker;
    }

    @Override
    public Callable<Object> decorate(Callable<Object> call, Context context) {
        Callable<Object> guarded = circuitBreaker.decorateCallable(call);
        return () -> {
            try {
                return guarded.call();
            } catch (CallNotPermittedException e) {
                throw new CallRejectedException("circuit breaker '" + circuitBreaker.getName() + "' is "
                        + circuitBreaker.getState() + "; the call was rejected without running", e);
            }
        };
    }
}
