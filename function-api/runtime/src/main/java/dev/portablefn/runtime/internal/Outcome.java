package dev.portablefn.runtime.internal;

import dev.portablefn.api.PermanentFailure;
import java.util.Objects;

/**
 * How one event invocation ended, for the adapter to report the provider's way.
 *
 * @param status  succeeded, failed retryably or failed permanently
 * @param failure the exception, {@code null} on success
 */
public record Outcome(Status status, Throwable failure) {

    private static final Outcome SUCCESS = new Outcome(Status.SUCCEEDED, null);

    /**
     * Checks that the failure matches the status.
     *
     * @param status  succeeded, failed retryably or failed permanently
     * @param failure the exception, {@code null} on success
     * @throws NullPointerException if {@code status} is {@code null}
     * @throws IllegalArgumentException if a failure status has no exception or a success has one
     */
    public Outcome {
        Objects.requireNonNull(status, "status");
        if ((status == Status.SUCCEEDED) != (failure == null)) {
            throw new IllegalArgumentException(status + " outcome " + (failure == null ? "needs" : "cannot have") + " a failure");
        }
    }

    /**
     * Reports that the invocation succeeded.
     *
     * @return the shared success outcome
     */
    public static Outcome success() {
        return SUCCESS;
    }

    /**
     * Classifies a failure: {@link PermanentFailure} and its subtypes (invalid input, undecodable events)
     * are permanent; everything else, including {@link dev.portablefn.api.RetryableException}, is retryable.
     *
     * @param failure what the function or the library threw
     * @return the classified outcome
     * @throws NullPointerException if {@code failure} is {@code null}
     */
    public static Outcome failure(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        return new Outcome(isPermanent(failure) ? Status.PERMANENT_FAILURE : Status.RETRYABLE_FAILURE, failure);
    }

    /**
     * Tells whether retrying cannot fix a failure, the same classification {@link #failure(Throwable)} makes.
     *
     * @param failure an exception
     * @return {@code true} for a {@link PermanentFailure} or one of its subtypes
     */
    public static boolean isPermanent(Throwable failure) {
        return failure instanceof PermanentFailure;
    }

    /**
     * Tells whether the invocation succeeded.
     *
     * @return {@code true} for {@link Status#SUCCEEDED}
     */
    public boolean isSuccess() {
        return status == Status.SUCCEEDED;
    }

    /** How an invocation ended. */
    public enum Status {
        /** The function returned normally. */
        SUCCEEDED,
        /** The function failed; the provider should redeliver. */
        RETRYABLE_FAILURE,
        /** The input can never succeed; send it to the dead-letter path without retrying. */
        PERMANENT_FAILURE
    }
}
