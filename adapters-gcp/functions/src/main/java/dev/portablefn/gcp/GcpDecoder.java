package dev.portablefn.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.Provider;
import dev.portablefn.api.batch.Ordering;
import dev.portablefn.runtime.internal.Decoded;
import dev.portablefn.runtime.internal.ProviderDecoder;
import dev.portablefn.runtime.internal.json.JsonFields;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.util.List;

/**
 * Decodes a Google Cloud event payload as the CLI and tests see it: a structured-mode CloudEvent JSON
 * ({@code specversion}, {@code id}, {@code source}, {@code type}, {@code data}) or a legacy background
 * event JSON ({@code {"context": {...}, "data": ...}}), into one portable event. Found through
 * {@link java.util.ServiceLoader}.
 */
public final class GcpDecoder implements ProviderDecoder {

    private final JacksonCodec codec;
    private final CloudEventDecoder events;

    /** A decoder over the shared codec and its default limits. */
    public GcpDecoder() {
        this(JacksonCodec.standard());
    }

    GcpDecoder(JacksonCodec codec) {
        this.codec = codec;
        this.events = new CloudEventDecoder(codec);
    }

    @Override
    public Provider provider() {
        return Provider.GCP;
    }

    @Override
    public Decoded decode(byte[] payload) {
        return new Decoded.Events(List.of(decodeEvent(payload)), Ordering.UNORDERED, false);
    }

    Event<?> decodeEvent(byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new EventDecodingException("GCP event: the payload is empty; expected a CloudEvent or legacy event JSON");
        }
        JsonNode root;
        try {
            root = codec.readTree(payload);
        } catch (IOException | RuntimeException notJson) {
            throw new EventDecodingException("GCP event: the payload is not valid JSON: "
                    + GcpCloudEvent.firstLine(notJson.getMessage()), notJson);
        }
        if (root == null || !root.isObject()) {
            throw new EventDecodingException("GCP event: the payload must be a JSON object, got "
                    + (root == null ? "nothing" : JsonFields.describe(root)));
        }
        return events.decode(toCloudEvent(root));
    }

    static GcpCloudEvent toCloudEvent(JsonNode root) {
        if (root.has("specversion")) {
            return StructuredCloudEvents.read(root);
        }
        if (LegacyEvents.isLegacy(root)) {
            return LegacyEvents.read(root);
        }
        throw new EventDecodingException("GCP event: neither a CloudEvent (no 'specversion') nor a legacy background"
                + " event (no 'context' or 'eventId'); send the structured CloudEvent or the legacy event JSON");
    }
}
