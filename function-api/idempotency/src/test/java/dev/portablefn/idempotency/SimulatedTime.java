package dev.portablefn.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Time that passes only when a test says so: the clock of the invocation's context, the middleware's sleeper and
 * its lease renewals at once. Advancing runs every renewal that falls due on the way, at its own instant, so a
 * 20-minute invocation takes no real time.
 */
final class SimulatedTime extends Clock implements LeaseRenewals, IdempotencyMiddleware.Sleeper {

    private Instant now;
    private final List<Renewal> renewals = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private int renewalsRun;

    SimulatedTime(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Runnable every(Duration period, BooleanSupplier renew) {
        Renewal renewal = new Renewal(period, renew, now.plus(period));
        renewals.add(renewal);
        return () -> renewal.stopped = true;
    }

    @Override
    public void sleep(Duration duration) {
        synchronized (this) {
            sleeps.add(duration);
        }
        advance(duration);
    }

    /** Moves time forward, running each renewal that falls due on the way at the instant it is due. */
    void advance(Duration duration) {
        Instant target;
        synchronized (this) {
            target = now.plus(duration);
        }
        while (true) {
            Renewal due;
            synchronized (this) {
                Optional<Renewal> next = renewals.stream().filter(r -> !r.stopped && !r.due.isAfter(target))
                        .min(Comparator.comparing(r -> r.due));
                if (next.isEmpty()) {
                    now = target;
                    return;
                }
                due = next.get();
                now = due.due;
                due.due = due.due.plus(due.period);
                renewalsRun++;
            }
            if (!due.renew.getAsBoolean()) {
                due.stopped = true;
            }
        }
    }

    synchronized Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    synchronized int renewalsRun() {
        return renewalsRun;
    }

    synchronized long activeRenewals() {
        return renewals.stream().filter(r -> !r.stopped).count();
    }

    private static final class Renewal {
        final Duration period;
        final BooleanSupplier renew;
        volatile Instant due;
        volatile boolean stopped;

        Renewal(Duration period, BooleanSupplier renew, Instant due) {
            this.period = period;
            this.renew = renew;
            this.due = due;
        }
    }
}
