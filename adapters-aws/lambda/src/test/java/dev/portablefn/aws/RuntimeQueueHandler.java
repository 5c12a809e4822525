package dev.portablefn.aws;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.RetryableException;

/** An event function that fails on request, and a handler subclass for it; the runtime client test runs {@link Orders} through {@link GenericLambdaHandler}. */
public class RuntimeQueueHandler extends LambdaHandler {

    /** Fails records whose data mentions "fail" or "explode". */
    public static final class Orders implements EventFunction<String> {
        @Override
        public void handle(Event<String> event, Context context) {
            if (event.data().contains("fail") || event.data().contains("explode")) {
                throw new RetryableException("order " + event.id() + " could not be stored");
            }
        }
    }

    public RuntimeQueueHandler() {
        super(new Orders());
    }
}
