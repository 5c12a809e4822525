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

    /**
     * Checks that the invocation has both parts.
     *
     * @param input   the request, event or events
     * @param context the invocation context
     * @throws NullPointerException if either part is missing
     */
    public Invocation {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(context, "context");
    }

    /**
     * Tells whether this invocation is of an HTTP function.
     *
     * @return {@code true} when the input is an {@link HttpRequest}
     */
    public boolean isHttp() {
        return input instanceof HttpRequest;
    }

    /**
     * Gives the input of an HTTP invocation.
     *
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
     * Gives the input of a single-event invocation.
     *
     * @return the event
     * @throws IllegalStateException if this is not a single-event invocation
     */
    public Event<?> event() {
        if (input instanceof Event<?> event) {
            return event;
        }
        throw new IllegalStateException("not a single-event invocation: " + input.getClass().getName());
    }

    /**
     * Gives the events of this invocation, whatever the function's shape, for middleware that treats one event
     * and a batch alike.
     *
     * @return the events of a batch invocation, or the single event as a list; empty for HTTP
     */
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
     * Copies this invocation with another input, such as an event whose data middleware rebound, to pass on
     * with {@link Middleware.Chain#proceed(Invocation)}.
     *
     * @param newInput the input of the copy
     * @return a copy with another input and the same context
     * @throws NullPointerException if {@code newInput} is {@code null}
     */
    public Invocation withInput(Object newInput) {
        return new Invocation(newInput, context);
    }
}
