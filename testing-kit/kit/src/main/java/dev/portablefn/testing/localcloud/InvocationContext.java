package dev.portablefn.testing.localcloud;

import dev.portablefn.api.Context;
import dev.portablefn.api.Provider;
import dev.portablefn.api.TraceContext;
import dev.portablefn.testing.TestClock;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * The context of one LocalCloud invocation: its own virtual clock, deadline, trace and recording logger, and what
 * the function was seen to throw when it ran behind a provider adapter.
 */
record InvocationContext(String requestId, String functionName, TestClock testClock, Instant deadlineAt,
                         TraceContext traceOrNull, Logger logger, LocalCloud cloud, Observations observed)
        implements Context {

    @Override
    public Provider provider() {
        return Provider.LOCAL;
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadlineAt);
    }

    @Override
    public Optional<TraceContext> trace() {
        return Optional.ofNullable(traceOrNull);
    }

    @Override
    public Clock clock() {
        return testClock;
    }

    @Override
    public <U> U unwrap(Class<U> type) {
        if (type.isInstance(cloud)) {
            return type.cast(cloud);
        }
        throw new IllegalArgumentException("a LocalCloud context wraps the LocalCloud, not a " + type.getName());
    }
}
