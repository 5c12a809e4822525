package dev.portablefn.resilience;

import dev.portablefn.api.RetryableException;

/** A call refused without running (open circuit, full bulkhead, no time left); never retried by the policy. */
final class CallRejectedException extends RetryableException {
    private static final long serialVersionUID = 1L;

    CallRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
