package dev.portablefn.aws.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.runtime.internal.outbound.OutboundCalls;
import dev.portablefn.runtime.internal.trace.TraceHeaders;
import dev.portablefn.runtime.json.JacksonCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Shapes a portable message as an EventBridge event, which has no message attributes:
 * <ul>
 *   <li>{@code Detail} is the body, which must be a JSON object (EventBridge's own rule), so rules match on the
 *       body's fields as they are ({@code detail.orderId});</li>
 *   <li>the attributes {@value #SOURCE} and {@value #DETAIL_TYPE} become the event's {@code Source} (default
 *       {@value #DEFAULT_SOURCE}) and {@code DetailType} (default the logical destination);</li>
 *   <li>every other attribute, the {@code traceparent} included, goes into the detail as the string members of
 *       one object member {@value #ATTRIBUTES_MEMBER}, added only when there are such attributes;</li>
 *   <li>the trace also goes out as the entry's {@code TraceHeader} in X-Ray form, which EventBridge itself
 *       passes on to its targets.</li>
 * </ul>
 */
final class EventBridgeEvents {

    /** The attribute that names the event's {@code Source}. */
    static final String SOURCE = "source";

    /** The attribute that names the event's {@code DetailType}. */
    static final String DETAIL_TYPE = "detailType";

    /** {@code Source} when the function names none. */
    static final String DEFAULT_SOURCE = "portablefn";

    /** The detail's member that carries the other attributes. */
    static final String ATTRIBUTES_MEMBER = "portablefnAttributes";

    private static final ObjectMapper MAPPER = JacksonCodec.standard().mapper();

    private EventBridgeEvents() {
    }

    /**
     * Builds the entry for one message, refusing it before any call when EventBridge would.
     *
     * @param destination the bus
     * @param body        the body, a JSON object
     * @param attributes  the attributes, with the trace
     * @return the entry to put
     * @throws PermanentFailure when the body is not a JSON object, already has the attributes member, or the event
     *                          is over 256 KB
     */
    static PutEventsRequestEntry entry(AwsDestination destination, String body, Map<String, String> attributes) {
        String logical = destination.logical();
        Map<String, String> rest = new LinkedHashMap<>(attributes);
        String source = rest.remove(SOURCE);
        String detailType = rest.remove(DETAIL_TYPE);
        source = source == null ? DEFAULT_SOURCE : source;
        detailType = detailType == null ? logical : detailType;
        String detail = detail(logical, body, rest);
        OutboundCalls.checkSize(logical, MessageAttributes.utf8Length(source) + MessageAttributes.utf8Length(detailType)
                + MessageAttributes.utf8Length(detail), MessageAttributes.MAX_MESSAGE_BYTES, "EventBridge");
        PutEventsRequestEntry.Builder entry = PutEventsRequestEntry.builder()
                .eventBusName(destination.resource())
                .source(source)
                .detailType(detailType)
                .detail(detail);
        TraceHeaders.fromTraceparent(attributes.get(OutboundCalls.TRACEPARENT))
                .ifPresent(trace -> entry.traceHeader(TraceHeaders.toXRay(trace)));
        return entry.build();
    }

    private static String detail(String logical, String body, Map<String, String> attributes) {
        JsonNode parsed;
        try {
            parsed = MAPPER.readTree(body);
        } catch (JsonProcessingException notJson) {
            parsed = null;
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw new PermanentFailure("the message to '" + logical + "' is not a JSON object, which EventBridge"
                    + " requires as an event's detail: publish a JSON object such as {\"text\":\"...\"}");
        }
        if (attributes.isEmpty()) {
            return body;
        }
        if (object.has(ATTRIBUTES_MEMBER)) {
            throw new PermanentFailure("the message to '" + logical + "' already has a member '" + ATTRIBUTES_MEMBER
                    + "', where its attributes would go on EventBridge: rename it");
        }
        ObjectNode carried = object.putObject(ATTRIBUTES_MEMBER);
        attributes.forEach(carried::put);
        try {
            return MAPPER.writeValueAsString(object);
        } catch (JsonProcessingException cannotHappen) {
            throw new IllegalStateException("cannot write the event detail for '" + logical + "'", cannotHappen);
        }
    }
}
