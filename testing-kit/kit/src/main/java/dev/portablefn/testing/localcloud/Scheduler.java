package dev.portablefn.testing.localcloud;

import dev.portablefn.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Virtual time: the cloud's clock, its schedules, and the loop that moves the clock from one due event to the next
 * (a schedule firing, an invocation completing, a message becoming visible), letting the {@link DeliveryEngine} do
 * everything due at each instant before moving on.
 */
final class Scheduler {

    private static final int MAX_STEPS_PER_INSTANT = 1_000_000;

    private final TestClock clock;
    private final DeliveryEngine engine;
    private final MessageRouter router;
    private final Invocations invocations;
    private final List<Schedule> schedules = new ArrayList<>();

    /** A cron or fixed-rate schedule and its next tick. */
    private static final class Schedule {
        final String name;
        final CronExpression cron;
        final Duration rate;
        Instant next;

        Schedule(String name, CronExpression cron, Duration rate, Instant next) {
            this.name = name;
            this.cron = cron;
            this.rate = rate;
            this.next = next;
        }
    }

    Scheduler(TestClock clock, DeliveryEngine engine, MessageRouter router, Invocations invocations) {
        this.clock = clock;
        this.engine = engine;
        this.router = router;
        this.invocations = invocations;
    }

    Instant now() {
        return clock.instant();
    }

    /** Ticks the schedule's channel (already registered) on the cron expression, from the next match after now. */
    void addCron(String name, CronExpression cron) {
        schedules.add(new Schedule(name, cron, null, cron.nextAfter(now())));
    }

    /** Ticks the schedule's channel (already registered) every {@code rate}, the first time one rate from now. */
    void addRate(String name, Duration rate) {
        schedules.add(new Schedule(name, null, rate, now().plus(rate)));
    }

    /** @see LocalCloud#advance(Duration) */
    void advance(Duration duration) {
        invocations.requireOutside("advance");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("cannot advance by a negative duration " + duration);
        }
        Instant target = now().plus(duration);
        runNow();
        while (true) {
            Instant next = nextEventTime(true);
            if (next == null || next.isAfter(target)) {
                break;
            }
            clock.set(next);
            runNow();
        }
        clock.set(target);
        runNow();
    }

    /** @see LocalCloud#awaitQuiescence() */
    void awaitQuiescence() {
        invocations.requireOutside("awaitQuiescence");
        runNow();
    }

    /** @see LocalCloud#runUntilIdle(Duration) */
    boolean runUntilIdle(Duration limit) {
        invocations.requireOutside("runUntilIdle");
        Instant target = now().plus(limit);
        runNow();
        while (engine.hasWork()) {
            Instant next = nextEventTime(false);
            if (next == null || next.isAfter(target)) {
                return false;
            }
            clock.set(next);
            runNow();
        }
        return true;
    }

    /** Does everything due at the current instant: schedules, then completions and deliveries until none is left. */
    private void runNow() {
        fireDueSchedules();
        int steps = 0;
        while (engine.completeOneDue() || engine.dispatchOne()) {
            if (++steps > MAX_STEPS_PER_INSTANT) {
                throw new IllegalStateException("more than " + MAX_STEPS_PER_INSTANT + " deliveries at " + now()
                        + " without time passing; does a function publish to its own trigger with no delay?");
            }
        }
    }

    private void fireDueSchedules() {
        Instant now = now();
        for (Schedule schedule : schedules) {
            while (!schedule.next.isAfter(now)) {
                Instant due = schedule.next;
                router.tick(schedule.name, due);
                schedule.next = schedule.cron != null ? schedule.cron.nextAfter(due) : due.plus(schedule.rate);
            }
        }
    }

    private Instant nextEventTime(boolean includeSchedules) {
        Instant next = engine.nextDue(now());
        if (includeSchedules) {
            for (Schedule schedule : schedules) {
                next = earliest(next, schedule.next);
            }
        }
        return next;
    }

    static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
