package dev.portablefn.resilience;

import dev.portablefn.api.PermanentFailure;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;

/**
 * Entry point for protecting the calls a function makes to other services: ready-configured
 * Resilience4j circuit breakers and bulkheads, and {@link CallPolicy} builders that combine them
 * with retries and a time limit bound to the invocation's deadline. Should an application exclude a
 * Resilience4j module this artifact brings, the methods that need it throw an {@link IllegalStateException}
 * naming it.
 */
public final class Resilience {

    private Resilience() {
    }

    /**
     * Starts a {@link CallPolicy} for calls to one dependency; the same as {@link CallPolicy#builder(String)}.
     *
     * @param name names the dependency in logs and errors
     * @return a {@link CallPolicy} builder
     * @throws IllegalArgumentException if {@code name} is {@code null} or blank
     */
    public static CallPolicy.Builder policy(String name) {
        return CallPolicy.builder(name);
    }

    /**
     * A count-based circuit breaker: it opens when at least {@code failureRatePercent} of the last
     * {@code window} calls failed, rejects calls for {@code openFor}, then lets a few trial calls through.
     * {@link PermanentFailure}s do not count as failures.
     *
     * @param name               the dependency's name
     * @param failureRatePercent the failure rate that opens it, 1..100
     * @param window             how many recent calls are judged; also the minimum before it can open
     * @param openFor            how long it stays open
     * @return the circuit breaker; share one per dependency
     * @throws IllegalArgumentException if the rate is outside 1..100 or the window below 1
     * @throws NullPointerException if {@code name} or {@code openFor} is {@code null}
     * @throws IllegalStateException if resilience4j-circuitbreaker is not on the classpath
     */
    public static CircuitBreaker circuitBreaker(String name, int failureRatePercent, int window, Duration openFor) {
        Requirement.require(Requirement.CIRCUIT_BREAKER, "io.github.resilience4j:resilience4j-circuitbreaker",
                "Resilience.circuitBreaker");
        return Factories.circuitBreaker(name, failureRatePercent, window, openFor);
    }

    /**
     * A semaphore bulkhead that rejects at once when {@code maxConcurrentCalls} calls are running.
     *
     * @param name               the dependency's name
     * @param maxConcurrentCalls how many calls may run at the same time; at least 1
     * @return the bulkhead; share one per dependency
     * @throws IllegalArgumentException if {@code maxConcurrentCalls} is below 1
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws IllegalStateException if resilience4j-bulkhead is not on the classpath
     */
    public static Bulkhead bulkhead(String name, int maxConcurrentCalls) {
        Requirement.require(Requirement.BULKHEAD, "io.github.resilience4j:resilience4j-bulkhead", "Resilience.bulkhead");
        return Factories.bulkhead(name, maxConcurrentCalls);
    }
}
