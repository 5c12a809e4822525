package dev.portablefn.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.batch.BatchResult.Reason;
import dev.portablefn.api.batch.BatchResult.RecordFailure;
import dev.portablefn.api.batch.BatchResult;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.runtime.json.JacksonCodec;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every adapter does with an event its function failed permanently (a {@link PermanentFailure}, data that does
 * not bind or validate, an event it cannot decode): the one place that decides between the function's own
 * dead-letter destination and the platform's redelivery, so that nothing is lost on any provider.
 *
 * <ul>
 *   <li>Without a destination, {@link #publish} answers {@code false}: the adapter hands the event back to the
 *       platform (fails the invocation, reports the record, throws), whose retries and dead-letter queue keep it.</li>
 *   <li>With one ({@link PortableFunction#withDeadLetter(String)}, else the {@value #SETTING} setting, a logical
 *       name), the event is published there through the {@link Publisher} and {@link #publish} answers {@code true}:
 *       the adapter acknowledges it. If the publish fails, it answers {@code false} and the event goes back to the
 *       platform.</li>
 * </ul>
 *
 * <p>The message published is JSON, with the attributes {@code deadLetterFunction} and {@code originalEventId} (and
 * the invocation's {@code traceparent} when it has a trace):
 * <pre>{@code
 * {"reason": "order o-1 has no lines",                 // the failure's message
 *  "failure": "dev.portablefn.api.PermanentFailure",    // the failure's class
 *  "provider": "AWS", "function": "orders", "requestId": "…", "attempt": 1,   // attempt: null when not known
 *  "deadLetteredAt": "2024-01-01T00:00:00Z",
 *  "event": {"id": "…", "source": "…", "type": "…", "trigger": "QUEUE", "subject": "…", "time": "…",
 *            "dataContentType": "application/json", "attributes": {"k": "v"},
 *            "data": "…"}}                              // text as text, structured data as JSON,
 *                                                       // bytes that are not UTF-8 as "dataBase64" instead
 * }</pre>
 * An event the adapter could not decode is described by the provider's raw record as {@code data} (source and
 * type as the adapter knows them, trigger as the entry expects). Build one per function (the runner does); it is
 * thread-safe.
 */
public final class DeadLetters {

    /** The setting (environment variable) naming a function's dead-letter destination, a logical name. */
    public static final String SETTING = "PORTABLEFN_DEAD_LETTER";
    /** Attribute of a dead-lettered message naming the function that failed it. */
    public static final String FUNCTION_ATTRIBUTE = "deadLetterFunction";
    /** Attribute of a dead-lettered message carrying the failed event's id. */
    public static final String EVENT_ID_ATTRIBUTE = "originalEventId";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final ObjectMapper MAPPER = JacksonCodec.standard().mapper();

    private final String destination;
    private final Publisher publisher;

    private DeadLetters(String destination, Publisher publisher) {
        this.destination = destination;
        this.publisher = publisher;
    }

    /**
     * Works out a function's dead-letter destination: the one set on the function, else the {@value #SETTING}
     * setting; published through the function's dead-letter publisher, else {@link Publisher#registered()}.
     *
     * @param function    the function with its configuration
     * @param environment looks a setting up by name ({@code System::getenv} when deployed); answers {@code null} when unset
     * @return the function's dead letters; {@link #isConfigured()} is {@code false} when no destination is set
     */
    public static DeadLetters of(PortableFunction function, UnaryOperator<String> environment) {
        String destination = function.deadLetter().orElseGet(() -> {
            String setting = environment.apply(SETTING);
            return setting == null || setting.isBlank() ? null : setting.strip();
        });
        return new DeadLetters(destination, function.deadLetterPublisher().orElseGet(Publisher::registered));
    }

    /**
     * Tells whether permanently failed events go to a destination of the function's own.
     *
     * @return {@code false} when they go back to the platform
     */
    public boolean isConfigured() {
        return destination != null;
    }

    /**
     * Gives the dead-letter destination.
     *
     * @return the logical name, or empty when none is configured
     */
    public Optional<String> destination() {
        return Optional.ofNullable(destination);
    }

    /**
     * Publishes one permanently failed event to the dead-letter destination.
     *
     * @param event   the event as delivered (before binding); for an undecodable one, see {@link #undecodable}
     * @param failure why it failed
     * @param context the invocation's context: provider, function name, request id, clock and trace
     * @return {@code true} when it was published, so the adapter acknowledges it; {@code false} when no destination
     *         is configured or the publish failed, so the adapter hands it back to the platform
     */
    public boolean publish(Event<?> event, Throwable failure, Context context) {
        if (destination == null) {
            return false;
        }
        try {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put(FUNCTION_ATTRIBUTE, context.functionName());
            attributes.put(EVENT_ID_ATTRIBUTE, event.id());
            context.trace().ifPresent(trace -> attributes.put("traceparent", trace.toTraceparent()));
            String id = publisher.publish(destination, describe(event, failure, context), attributes);
            LOG.warn("{} event {} failed permanently and was published to dead-letter destination '{}' as {}: {}",
                    event.trigger(), event.id(), destination, id, String.valueOf(failure.getMessage()));
            return true;
        } catch (RuntimeException publishFailed) {
            LOG.error("{} event {} failed permanently ({}) and could not be published to dead-letter destination '{}';"
                    + " handing it back to the platform, which redelivers and dead-letters it", event.trigger(), event.id(),
                    failure, destination, publishFailed);
            return false;
        }
    }

    /**
     * Publishes the permanently failed records of a batch and leaves them out of what the adapter reports; the
     * others, and those whose publish failed, stay reported. For an ordered batch the records after a dead-lettered
     * one stay reported as skipped: they were not processed, so the platform redelivers them.
     *
     * @param result  what the runner (or the adapter's books) reported, each failure at its position in the batch
     * @param eventAt the event at a position, as delivered
     * @param context the invocation's context
     * @return what to report: {@code result} itself when nothing was published
     */
    public BatchResult settle(BatchResult result, IntFunction<? extends Event<?>> eventAt, Context context) {
        if (destination == null || result.isSuccess()) {
            return result;
        }
        List<RecordFailure> kept = new ArrayList<>(result.failures().size());
        for (RecordFailure failure : result.failures()) {
            boolean published = failure.reason() == Reason.PERMANENT && failure.index() >= 0
                    && publish(eventAt.apply(failure.index()), failure.cause() != null ? failure.cause()
                            : new PermanentFailure("reported as failed permanently by the batch function"), context);
            if (!published) {
                kept.add(failure);
            }
        }
        return kept.size() == result.failures().size() ? result : new BatchResult(kept);
    }

    /**
     * Describes a payload the adapter could not decode as an event to dead-letter: the provider's raw record as data.
     *
     * @param id      the record's id as far as it could be read, or a position such as {@code Records[0]}
     * @param source  where it came from, as far as known (the provider service)
     * @param trigger the trigger the entry serves
     * @param raw     the raw record or payload text
     * @return an event carrying the raw text, type {@code dev.portablefn.undecodable}
     */
    public static Event<String> undecodable(String id, String source, Trigger trigger, String raw) {
        return Event.<String>builder().id(id).source(source).type("dev.portablefn.undecodable").trigger(trigger)
                .dataContentType("application/json").data(raw).build();
    }

    private static String describe(Event<?> event, Throwable failure, Context context) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("reason", String.valueOf(failure.getMessage()));
        root.put("failure", failure.getClass().getName());
        root.put("provider", context.provider().name());
        root.put("function", context.functionName());
        root.put("requestId", context.requestId());
        if (event.deliveryAttempt().isPresent()) {
            root.put("attempt", event.deliveryAttempt().getAsInt());
        } else {
            root.putNull("attempt");
        }
        root.put("deadLetteredAt", context.clock().instant().toString());
        ObjectNode described = root.putObject("event");
        described.put("id", event.id());
        described.put("source", event.source());
        described.put("type", event.type());
        described.put("trigger", event.trigger().name());
        event.subject().ifPresent(subject -> described.put("subject", subject));
        event.time().ifPresent(time -> described.put("time", time.toString()));
        event.dataContentType().ifPresent(type -> described.put("dataContentType", type));
        ObjectNode attributes = described.putObject("attributes");
        event.attributes().forEach(attributes::put);
        putData(described, event.data());
        return root.toString();
    }

    private static void putData(ObjectNode described, Object data) {
        if (data == null) {
            described.putNull("data");
        } else if (data instanceof byte[] bytes) {
            Optional<String> text = utf8(bytes);
            if (text.isPresent()) {
                described.put("data", text.get());
            } else {
                described.put("dataBase64", Base64.getEncoder().encodeToString(bytes));
            }
        } else if (data instanceof CharSequence text) {
            described.put("data", text.toString());
        } else if (data instanceof JsonNode json) {
            described.set("data", json);
        } else {
            try {
                described.set("data", MAPPER.valueToTree(data));
            } catch (IllegalArgumentException notJson) {
                described.put("data", String.valueOf(data));
            }
        }
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException binary) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "DeadLetters{" + (destination == null ? "back to the platform" : "to '" + destination + "'") + "}";
    }
}
