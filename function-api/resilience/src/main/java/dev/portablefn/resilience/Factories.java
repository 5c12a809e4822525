package dev.portablefn.resilience;

import dev.portablefn.api.PermanentFailure;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.Objects;

/** Builds Resilience4j instances; only loaded after {@link Requirement} found the module. */
final class Factories {

    private Factories() {
    }

    static CircuitBreaker circuitBreaker(String name, int failureRatePercent, int window, Duration openFor) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(openFor, "openFor");
        if (failureRatePercent < 1 || failureRatePercent > 100) {
            throw new IllegalArgumentException("failure rate must be 1..100 percent, got " + failureRatePercent);
        }
        if (window < 1) {
            throw new IllegalArgumentException("circuit breaker window must be at least 1 call, got " + window);
        }
        return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(window)
                .minimumNumberOfCalls(window)
                .failureRateThreshold(failureRatePercent)
                .waitDurationInOpenState(openFor)
                .ignoreExceptions(PermanentFailure.class)
                .build());
    }

    static Bulkhead bulkhead(String name, int maxConcurrentCalls) {
        Objects.requireNonNull(name, "name");
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("bulkhead needs at least 1 concurrent call, got " + maxConcurrentCalls);
        }
        return Bulkhead.of(name, BulkheadConfig.custom().maxConcurrentCalls(maxConcurrentCalls)
                .maxWaitDuration(Duration.ZERO).build());
    }
}
