package dev.portablefn.resilience;

import dev.portablefn.api.Context;
import java.util.concurrent.Callable;

/** One decoration of a call: a circuit breaker, a bulkhead, a time limit. */
@FunctionalInterface
interface Step {
    Callable<Object> decorate(Callable<Object> call, Context context);
}
