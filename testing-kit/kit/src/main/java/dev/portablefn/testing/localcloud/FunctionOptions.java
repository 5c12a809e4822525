package dev.portablefn.testing.localcloud;

import java.time.Duration;
import java.util.Objects;

/**
 * How LocalCloud runs one function: the most invocations in flight at once, the timeout, and how long
 * each invocation takes on the virtual clock. A function can also spend virtual time itself by
 * advancing the {@link dev.portablefn.testing.TestClock} its context's {@code clock()} returns.
 *
 * @param concurrency       the most invocations in flight at the same virtual instant (reserved concurrency)
 * @param timeout           an invocation taking longer on the virtual clock fails retryably, as a provider timeout does
 * @param simulatedDuration virtual time every invocation takes, on top of what the function spends itself
 */
public record FunctionOptions(int concurrency, Duration timeout, Duration simulatedDuration) {

    /** @throws IllegalArgumentException for a concurrency below 1 or non-positive timeout */
    public FunctionOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(simulatedDuration, "simulatedDuration");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        if (timeout.isNegative() || timeout.isZero() || simulatedDuration.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive and duration not negative, got "
                    + timeout + " and " + simulatedDuration);
        }
    }

    /** @param limit the concurrency limit @return a changed copy */
    public FunctionOptions withConcurrency(int limit) {
        return new FunctionOptions(limit, timeout, simulatedDuration);
    }

    /** @param limit the timeout @return a changed copy */
    public FunctionOptions withTimeout(Duration limit) {
        return new FunctionOptions(concurrency, limit, simulatedDuration);
    }

    /** @param duration virtual time per invocation @return a changed copy */
    public FunctionOptions withSimulatedDuration(Duration duration) {
        return new FunctionOptions(concurrency, timeout, duration);
    }
}
