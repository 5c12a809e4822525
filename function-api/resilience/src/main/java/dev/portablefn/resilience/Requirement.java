package dev.portablefn.resilience;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Checks once per class that a Resilience4j module portablefn-resilience depends on was not excluded from the build. */
final class Requirement {

    static final String CORE = "io.github.resilience4j.core.IntervalBiFunction";
    static final String RETRY = "io.github.resilience4j.retry.RetryConfig";
    static final String CIRCUIT_BREAKER = "io.github.resilience4j.circuitbreaker.CircuitBreaker";
    static final String BULKHEAD = "io.github.resilience4j.bulkhead.Bulkhead";
    static final String TIME_LIMITER = "io.github.resilience4j.timelimiter.TimeLimiter";

    private static final Map<String, Boolean> PRESENT = new ConcurrentHashMap<>();

    private Requirement() {
    }

    /**
     * @param className a class of the module
     * @param artifact  the module's Maven coordinates, without version
     * @param feature   what the caller tried to use
     * @throws IllegalStateException naming the dependency to add when the class is missing
     */
    static void require(String className, String artifact, String feature) {
        if (!PRESENT.computeIfAbsent(className, Requirement::present)) {
            throw new IllegalStateException("add " + artifact + " to your dependencies to use " + feature
                    + "; portablefn-resilience depends on it, but it is missing from the classpath (excluded from the build?)");
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Requirement.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
