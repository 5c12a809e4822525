package dev.portablefn.resilience;

import dev.portablefn.api.Context;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import java.util.concurrent.Callable;

/** Runs the call through a Resilience4j bulkhead; a full bulkhead rejects. */
final class BulkheadStep implements Step {
    private final Bulkhead bulkhead;

    BulkheadStep(Bulkhead bulkhead) {
        this.bulkhead = bulkhead;
    }

    @Override
    public Callable<Object> decorate(Callable<Object> call, Context context) {
        Callable<Object> guarded = Bulkhead.decorateCallable(bulkhead, call);
        return () -> {
            try {
                return guarded.call();
            } catch (BulkheadFullException e) {
                throw new CallRejectedException("bulkhead '" + bulkhead.getName() + "' is full ("
                        + bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + " concurrent calls); the call was rejected", e);
            }
        };
    }
}
