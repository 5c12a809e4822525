package dev.portablefn.doubles.gcp;

import com.google.cloud.functions.Context;

/**
 * The Functions Framework's {@link Context} of a legacy background event (what a {@code RawBackgroundFunction} or
 * {@code BackgroundFunction} receives), over fixed values.
 *
 * @param eventId   the event id
 * @param timestamp the event time, RFC 3339
 * @param eventType the legacy event type, such as {@code google.pubsub.topic.publish}
 * @param resource  the resource the event is about: a name, or the JSON of a resource object
 */
public record FakeBackgroundContext(String eventId, String timestamp, String eventType, String resource)
        implements Context {
}
