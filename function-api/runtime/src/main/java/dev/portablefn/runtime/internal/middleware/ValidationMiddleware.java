package dev.portablefn.runtime.internal.middleware;

import dev.portablefn.api.Event;
import dev.portablefn.api.middleware.Invocation;
import dev.portablefn.api.middleware.Middleware;
import dev.portablefn.runtime.internal.validation.BeanValidation;

/** Checks the constraints of bound event data before the function runs. */
final class ValidationMiddleware implements Middleware {

    static final ValidationMiddleware INSTANCE = new ValidationMiddleware();

    private ValidationMiddleware() {
    }

    @Override
    public Object around(Invocation invocation, Chain next) throws Exception {
        for (Event<?> event : invocation.events()) {
            BeanValidation.shared().check(event.data(), event.trigger() + " event " + event.id() + " data");
        }
        return next.proceed(invocation);
    }
}
