package dev.portablefn.runtime.internal.middleware;

import dev.portablefn.api.RetryableException;
import dev.portablefn.api.middleware.Invocation;
import dev.portablefn.api.middleware.Middleware;
import java.time.Duration;
import java.util.Objects;

/** Refuses to start an invocation that cannot finish before the provider's deadline. */
final class DeadlineMiddleware implements Middleware {

    private final Duration minimum;

    DeadlineMiddleware(Duration minimum) {
        Objects.requireNonNull(minimum, "minimum");
        if (minimum.isNegative()) {
            throw new IllegalArgumentException("deadline threshold must not be negative: " + minimum);
        }
        this.minimum = minimum;
    }

    @Override
    public Object around(Invocation invocation, Chain next) throws Exception {
        Duration left = invocation.context().remainingTime();
        if (left.compareTo(minimum) < 0) {
            throw new RetryableException("only " + left.toMillis() + " ms of the invocation left, less than the "
                    + minimum.toMillis() + " ms needed to start; not started so the provider can retry it");
        }
        return next.proceed(invocation);
    }
}
