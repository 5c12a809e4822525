package dev.portablefn.deployment;

import java.util.Objects;

/**
 * A schedule an {@link Application} declares.
 *
 * @param name the schedule's name: the {@code ScheduleTick}'s name, the AWS Scheduler schedule and the GCP Cloud
 *             Scheduler job and topic
 * @param cron five-field Unix cron ({@code "0 2 * * *"}: minute, hour, day of month, month, day of week by name);
 *             rendered as {@code cron(0 2 * * ? *)} on AWS and {@code 0 0 2 * * *} on Azure
 * @param zone the IANA time zone the cron is read in; Azure's timers on Linux run in UTC only
 */
public record ScheduleSpec(String name, String cron, String zone) {

    /** @throws NullPointerException when a part is null */
    public ScheduleSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cron, "cron");
        Objects.requireNonNull(zone, "zone");
    }
}
