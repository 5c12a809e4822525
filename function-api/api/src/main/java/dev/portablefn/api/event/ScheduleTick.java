package dev.portablefn.api.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A tick of a schedule, the data of every {@code SCHEDULE} event (EventBridge schedule rules, Cloud
 * Scheduler, Azure Timer).
 *
 * @param scheduledTime when the tick was due
 * @param scheduleName  the rule, job or timer name, when the provider says
 */
public record ScheduleTick(Instant scheduledTime, String scheduleName) {

    /**
     * Checks the tick.
     *
     * @param scheduledTime when the tick was due
     * @param scheduleName  the rule, job or timer name, or {@code null} when the provider does not say
     * @throws NullPointerException if the scheduled time is missing
     */
    public ScheduleTick {
        Objects.requireNonNull(scheduledTime, "scheduledTime");
    }
}
