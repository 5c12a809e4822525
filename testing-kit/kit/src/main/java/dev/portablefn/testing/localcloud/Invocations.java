package dev.portablefn.testing.localcloud;

import dev.portablefn.api.Context;
import dev.portablefn.api.Provider;
import dev.portablefn.api.TraceContext;
import dev.portablefn.testing.CapturedLog;
import dev.portablefn.testing.RecordingLogger;
import dev.portablefn.testing.TestClock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The invocations running on each thread, innermost on top. What a function sends is stamped with its own
 * invocation's clock and carries its trace; and only the test, outside every invocation, may move time.
 */
final class Invocations {

    private final LocalCloud cloud;
    private final TestClock clock;
    private final RandomSource random;
    private final ThreadLocal<Deque<InvocationContext>> current = ThreadLocal.withInitial(ArrayDeque::new);

    Invocations(LocalCloud cloud, TestClock clock, RandomSource random) {
        this.cloud = cloud;
        this.clock = clock;
        this.random = random;
    }

    /**
     * @return a context for one invocation of the function starting at {@code start}, with a new request id, its own
     *         clock, and a logger that records into {@code logs}
     */
    InvocationContext open(DeployedFunction function, Instant start, TraceContext trace, String eventId,
                           List<CapturedLog> logs) {
        String requestId = random.newId();
        TestClock invocationClock = TestClock.at(start);
        Map<String, String> mdc = new HashMap<>();
        mdc.put(Context.MDC_REQUEST_ID, requestId);
        mdc.put(Context.MDC_FUNCTION_NAME, function.name);
        mdc.put(Context.MDC_PROVIDER, Provider.LOCAL.name());
        if (trace != null) {
            mdc.put(Context.MDC_TRACE_ID, trace.traceId());
        }
        if (eventId != null) {
            mdc.put("eventId", eventId);
        }
        RecordingLogger logger = new RecordingLogger("dev.portablefn.function." + function.name, invocationClock, mdc,
                logs::add);
        return new InvocationContext(requestId, function.name, invocationClock, start.plus(function.options.timeout()),
                trace, logger, cloud, new Observations());
    }

    /** Marks the context as running on this thread until {@link #exit()}. */
    void enter(InvocationContext context) {
        current.get().push(context);
    }

    void exit() {
        current.get().pop();
    }

    /** @return the invocation running on this thread, or {@code null} when the test itself is calling */
    InvocationContext innermost() {
        return current.get().peek();
    }

    /** Messages published from inside an invocation are stamped with the invocation's own clock. */
    Instant sendTime() {
        InvocationContext context = innermost();
        return context == null ? clock.instant() : context.testClock().instant();
    }

    void requireOutside(String method) {
        if (!current.get().isEmpty()) {
            throw new IllegalStateException(method + " was called from inside an invocation; only the test drives time");
        }
    }
}
