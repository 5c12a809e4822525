package dev.portablefn.runtime.internal;

import dev.portablefn.api.Event;
import dev.portablefn.api.batch.Ordering;
import dev.portablefn.api.http.HttpRequest;
import java.util.List;
import java.util.Objects;

/**
 * What an adapter decoded a provider payload into: one HTTP request, or events (a single event or
 * a provider batch) with the ordering the source requires.
 */
public sealed interface Decoded permits Decoded.Http, Decoded.Events {

    /**
     * An HTTP request.
     *
     * @param request the portable request
     */
    record Http(HttpRequest request) implements Decoded {
        /**
         * Checks that there is a request.
         *
         * @param request the portable request
         * @throws NullPointerException if the request is missing
         */
        public Http {
            Objects.requireNonNull(request, "request");
        }
    }

    /**
     * One event or a batch.
     *
     * @param events   the events, data as decoded (not yet bound to the function's type)
     * @param ordering whether the source requires in-order processing
     * @param batch    whether the provider expects a batch response (partial failures)
     */
    record Events(List<Event<?>> events, Ordering ordering, boolean batch) implements Decoded {
        /**
         * Checks the parts and keeps an unmodifiable copy of the events.
         *
         * @param events   the events, data as decoded (not yet bound to the function's type)
         * @param ordering whether the source requires in-order processing
         * @param batch    whether the provider expects a batch response (partial failures)
         * @throws NullPointerException if a part is missing
         */
        public Events {
            events = List.copyOf(events);
            Objects.requireNonNull(ordering, "ordering");
        }
    }
}
