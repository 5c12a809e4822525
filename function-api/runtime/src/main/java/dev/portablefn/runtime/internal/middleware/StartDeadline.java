package dev.portablefn.runtime.internal.middleware;

import dev.portablefn.api.Context;
import dev.portablefn.api.RetryableException;
import java.time.Duration;
import java.util.Objects;

/**
 * Refuses to start an invocation that cannot finish before the provider's deadline. The runner checks it first thing
 * in its binding step, the step it always runs before the function's middleware and the function.
 */
public final class StartDeadline {

    private final Duration minimum;

    /**
     * Makes the check for a function that needs at least {@code minimum} to do its work.
     *
     * @param minimum the least remaining time worth starting with
     * @throws IllegalArgumentException when {@code minimum} is negative
     */
    public StartDeadline(Duration minimum) {
        Objects.requireNonNull(minimum, "minimum");
        if (minimum.isNegative()) {
            throw new IllegalArgumentException("deadline threshold must not be negative: " + minimum);
        }
        this.minimum = minimum;
    }

    /**
     * Fails fast when less than the minimum is left of the invocation's time, so work is not started that the
     * provider would kill halfway. An invocation without a deadline always starts.
     *
     * @param context the invocation's context
     * @throws RetryableException when too little time is left
     */
    public void check(Context context) {
        Duration left = context.remainingTime();
        if (left.compareTo(minimum) < 0) {
            throw new RetryableException("only " + left.toMillis() + " ms of the invocation left, less than the "
                    + minimum.toMillis() + " ms needed to start; not started so the provider can retry it");
        }
    }
}
