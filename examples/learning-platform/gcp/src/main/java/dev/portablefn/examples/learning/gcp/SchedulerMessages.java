package dev.portablefn.examples.learning.gcp;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.event.ScheduleTick;

/**
 * Lets a schedule function run behind Cloud Scheduler's usual route on GCP, a Pub/Sub topic: a
 * message on the topic becomes a {@link ScheduleTick} at the message's publish time, named after
 * the schedule. Ticks the adapter already decoded (Eventarc scheduler events) pass through.
 */
final class SchedulerMessages implements EventFunction<Object> {

    private final EventFunction<ScheduleTick> schedule;
    private final String scheduleName;

    SchedulerMessages(EventFunction<ScheduleTick> schedule, String scheduleName) {
        this.schedule = schedule;
        this.scheduleName = scheduleName;
    }

    @Override
    public void handle(Event<Object> event, Context context) throws Exception {
        ScheduleTick tick = event.data() instanceof ScheduleTick given ? given
                : new ScheduleTick(event.time().orElse(context.clock().instant()), scheduleName);
        schedule.handle(event.toBuilder().trigger(Trigger.SCHEDULE).build().withData(tick), context);
    }
}
