package dev.portablefn.api.middleware;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.http.HttpRequest;
import java.util.List;
import java.util.Objects;

/**
 * One invocation as middleware sees it: the input (an {@link HttpRequest}, an {@link Event}, or for
 * a batch function the list of events) and the {@link Context}.
 *
 * @param input   the request, event or events
 * @param context the invocation context
 */
public record Invocation(Object input, Context context) {

    /** @throws NullPointerException if either part is missing */
    public Invocation {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(context, "context");
    }

    /** @return whether the input is an HTTP request */
    public boolean isHttp() {
        return input instanceof HttpRequest;
    }

    /**
     * @return the HTTP request
     * @throws IllegalStateException if this is not an HTTP invocation
     */
    public HttpRequest request() {
        if (input instanceof HttpRequest request) {
            return request;
        }
        throw new IllegalStateException("not an HTTP invocation: " + input.getClass().getName());
    }

    /**
     * @return the event
     * @throws IllegalStateException if this is not a single-event invocation
     */
    public Event<?> event() {
        if (input instanceof Event<?> event) {
            return event;
        }
        throw new IllegalStateException("not a single-event invocation: " + input.getClass().getName());
    }

    /** @return the events of a batch invocation, or the single event as a list; empty for HTTP */
    public List<Event<?>> events() {
        if (input instanceof Event<?> event) {
            return List.of(event);
        }
        if (input instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<Event<?>> events = (List<Event<?>>) list;
            return events;
        }
        return List.of();
    }

    /**
     * @param newInput the input of the copy
     * @return a copy with another input
     */
    public Invocation withInput(Object newInput) {
        return new Invocation(newInput, context);
    }
}
