package dev.portablefn.idempotency;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Renews every running invocation's claim from one daemon thread shared by the whole process. The invocation's own
 * thread is busy running the function, so another thread must renew; one is enough, since renewals are a single
 * small store update each, a third of a lease apart. Being a daemon it never keeps a process from exiting, and it is
 * started on the first renewal, not when the class loads (on Lambda, where deadlines are known, it never starts).
 */
final class SharedLeaseRenewals implements LeaseRenewals {

    static final SharedLeaseRenewals INSTANCE = new SharedLeaseRenewals();

    private SharedLeaseRenewals() {
    }

    @Override
    public Runnable every(Duration period, BooleanSupplier renew) {
        Renewal renewal = new Renewal(renew);
        long millis = Math.max(1, period.toMillis());
        renewal.future = Executor.THREAD.scheduleWithFixedDelay(renewal, millis, millis, TimeUnit.MILLISECONDS);
        if (renewal.stopped) {
            renewal.stop();   // it stopped itself before its future was known
        }
        return renewal::stop;
    }

    /** One claim's renewals; stops itself when the claim is lost. */
    private static final class Renewal implements Runnable {
        private final BooleanSupplier renew;
        private volatile ScheduledFuture<?> future;
        private volatile boolean stopped;

        Renewal(BooleanSupplier renew) {
            this.renew = renew;
        }

        @Override
        public void run() {
            if (!stopped && !renew.getAsBoolean()) {
                stop();
            }
        }

        void stop() {
            stopped = true;
            ScheduledFuture<?> scheduled = future;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }

    /** Holds the thread, so it starts on first use. */
    private static final class Executor {
        static final ScheduledThreadPoolExecutor THREAD = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "portablefn-idempotency-lease-renewal");
                thread.setDaemon(true);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        }
    }
}
