package dev.portablefn.examples.minimalazure;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;

/** A portable event function: logs every event it receives, whatever the trigger. */
public final class Audit implements EventFunction<String> {

    @Override
    public void handle(Event<String> event, Context context) {
        context.logger().info("{} event {} from {}: {}", event.trigger(), event.id(), event.source(), event.data());
    }
}
