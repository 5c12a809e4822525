package dev.portablefn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.batch.Ordering;
import dev.portablefn.api.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One decoded Lambda payload: what it came from, and either the HTTP request or the records. A
 * record that could not be decoded stays in its place with its error, so the handler can report it as
 * a batch item failure instead of failing (or silently acknowledging) the whole batch.
 *
 * @param source            the service that sent the payload
 * @param request           the HTTP request, for HTTP sources; {@code null} when the request was malformed
 * @param requestError      why an HTTP request could not be decoded, or {@code null}
 * @param multiValueHeaders whether the HTTP request used {@code multiValueHeaders} (REST, ALB multi-value mode)
 * @param records           the records of an event payload, in delivery order
 * @param ordering          whether the records must be processed in order
 */
record AwsPayload(AwsSource source, HttpRequest request, EventDecodingException requestError,
                  boolean multiValueHeaders, List<Record> records, Ordering ordering) {

    AwsPayload {
        Objects.requireNonNull(source, "source");
        records = List.copyOf(records);
    }

    static AwsPayload http(AwsSource source, HttpRequest request, boolean multiValueHeaders) {
        return new AwsPayload(source, request, null, multiValueHeaders, List.of(), Ordering.UNORDERED);
    }

    static AwsPayload malformedHttp(AwsSource source, EventDecodingException error, boolean multiValueHeaders) {
        return new AwsPayload(source, null, error, multiValueHeaders, List.of(), Ordering.UNORDERED);
    }

    static AwsPayload events(AwsSource source, List<Record> records, Ordering ordering) {
        return new AwsPayload(source, null, null, false, records, ordering);
    }

    /** @return the decoded events, or the first record's decoding error */
    List<Event<?>> eventsOrThrow() {
        List<Event<?>> events = new ArrayList<>(records.size());
        for (Record record : records) {
            if (record.error() != null) {
                throw record.error();
            }
            events.add(record.event());
        }
        return events;
    }

    /**
     * One record of an event payload: decoded, or the error that stopped it. Its position in the payload is its
     * index in {@link AwsPayload#records()}.
     *
     * @param id    the id to report it by (message id, sequence number); never {@code null}
     * @param event the decoded event, or {@code null} when {@code error} is set
     * @param error why the record could not be decoded, or {@code null}
     * @param raw   the record as received, kept when it could not be decoded (to dead-letter it), else {@code null}
     */
    record Record(String id, Event<?> event, EventDecodingException error, JsonNode raw) {
        Record {
            Objects.requireNonNull(id, "id");
            if ((event == null) == (error == null)) {
                throw new IllegalArgumentException("a record is either decoded or failed");
            }
        }

        /** A record without its raw form: decoded, or failed where the raw record is not at hand. */
        Record(String id, Event<?> event, EventDecodingException error) {
            this(id, event, error, null);
        }
    }
}
