package dev.portablefn.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.Provider;
import dev.portablefn.api.batch.Ordering;
import dev.portablefn.runtime.internal.Decoded;
import dev.portablefn.runtime.internal.ProviderDecoder;
import dev.portablefn.runtime.internal.json.JsonFields;
import dev.portablefn.runtime.json.JacksonCodec;
import java.util.List;

/**
 * Decodes raw Azure payloads for the CLI's {@code decode --provider azure}: an Event Grid event in
 * either schema (one, or an array), or the Functions host's custom-handler invocation payload
 * ({@code {"Data": {...}, "Metadata": {...}}}) for HTTP, Queue Storage, Service Bus, Event Hubs, Blob,
 * Timer, Event Grid and Cosmos DB triggers. Public only because {@link java.util.ServiceLoader} needs it.
 */
public final class AzureDecoder implements ProviderDecoder {

    private final JacksonCodec codec;

    /** Uses the shared codec with the default limits. */
    public AzureDecoder() {
        this(JacksonCodec.standard());
    }

    AzureDecoder(JacksonCodec codec) {
        this.codec = codec;
    }

    @Override
    public Provider provider() {
        return Provider.AZURE;
    }

    /**
     * @param payload the payload as Event Grid or the Functions host sends it
     * @return the decoded HTTP request or events
     * @throws EventDecodingException naming the field when the payload is malformed or of an unknown shape
     */
    @Override
    public Decoded decode(byte[] payload) {
        JsonNode root = HostJson.parse(codec, payload, "Azure payload");
        if (InvocationPayloads.isInvocation(root)) {
            return InvocationPayloads.decode(root, codec, AzureFunctions.DEFAULT_ROUTE_PREFIX);
        }
        if (EventGridEvents.isEvent(root)) {
            return new Decoded.Events(List.of(EventGridEvents.decode(root, "Event Grid delivery")), Ordering.UNORDERED, false);
        }
        if (root.isArray() && !root.isEmpty() && EventGridEvents.isEvent(root.get(0))) {
            List<Event<?>> events = EventGridEvents.decodeAll(root, "Event Grid delivery");
            return new Decoded.Events(events, Ordering.UNORDERED, true);
        }
        throw new EventDecodingException("Azure payload is neither an Event Grid event (object or array with 'eventType'"
                + " or 'specversion') nor a Functions host invocation payload ({\"Data\": ..., \"Metadata\": ...}); got "
                + JsonFields.describe(root));
    }
}
