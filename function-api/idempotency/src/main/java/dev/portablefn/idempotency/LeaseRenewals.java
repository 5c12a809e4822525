package dev.portablefn.idempotency;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Renews claims while their functions run. Package-private so tests drive renewals on a simulated clock instead
 * of waiting; production uses {@link SharedLeaseRenewals}.
 */
interface LeaseRenewals {

    /**
     * Calls {@code renew} every {@code period}, first one period from now, until it answers {@code false} or the
     * returned stopper runs.
     *
     * @param period the time between renewals
     * @param renew  renews once; answers whether to keep renewing
     * @return stops the renewals; a renewal already running finishes, none starts after
     */
    Runnable every(Duration period, BooleanSupplier renew);
}
