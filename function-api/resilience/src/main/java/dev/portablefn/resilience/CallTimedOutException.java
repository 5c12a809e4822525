package dev.portablefn.resilience;

import dev.portablefn.api.RetryableException;

/** An attempt cut off by the time limit; retryable while the invocation has time left. */
final class CallTimedOutException extends RetryableException {
    private static final long serialVersionUID = 1L;

    CallTimedOutException(String message, Throwable cause) {
        super(message, cause);
    }
}
