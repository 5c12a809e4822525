package dev.portablefn.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that moves only when told to, for deterministic tests: hand it to a {@link TestContext}
 * (or let {@link dev.portablefn.testing.localcloud.LocalCloud} hand it to a function) and
 * {@link #advance(Duration)} it to simulate time passing. Thread-safe.
 */
public final class TestClock extends Clock {

    /** The instant every new test clock starts at unless told otherwise: 2024-01-01T00:00:00Z. */
    public static final Instant DEFAULT_START = Instant.parse("2024-01-01T00:00:00Z");

    private volatile Instant now;

    private TestClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** @return a clock standing at {@link #DEFAULT_START} */
    public static TestClock create() {
        return new TestClock(DEFAULT_START);
    }

    /**
     * @param start the instant the clock stands at
     * @return a clock standing there
     */
    public static TestClock at(Instant start) {
        return new TestClock(start);
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far; zero is allowed
     * @return the new instant
     * @throws IllegalArgumentException if the duration is negative: time does not go back
     */
    public synchronized Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("cannot advance a clock by a negative duration " + duration);
        }
        now = now.plus(duration);
        return now;
    }

    /**
     * Moves the clock to an instant.
     *
     * @param instant where to; must not be before the current instant
     * @throws IllegalArgumentException if it is earlier than now
     */
    public synchronized void set(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("cannot move a clock back from " + now + " to " + instant);
        }
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("a TestClock is always UTC; convert instants with atZone(" + zone + ")");
    }

    @Override
    public String toString() {
        return "TestClock[" + now + "]";
    }
}
