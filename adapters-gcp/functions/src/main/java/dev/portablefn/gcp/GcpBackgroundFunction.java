package dev.portablefn.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.cloud.functions.Context;
import com.google.cloud.functions.RawBackgroundFunction;
import dev.portablefn.api.BatchFunction;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Runs a portable {@link EventFunction} or {@link BatchFunction} as a gen1 background function (Pub/Sub,
 * Cloud Storage and Firestore legacy triggers). The event is converted to the CloudEvent a gen2 function
 * would get, so the function sees the same portable event on either generation. Failures are reported
 * like {@link GcpCloudEventFunction}'s: they throw (the platform retries when "retry on failure" is on), and
 * permanent ones go to the function's dead-letter destination instead when it has one.
 */
public class GcpBackgroundFunction implements RawBackgroundFunction {

    private final GcpRuntime runtime;
    private final JacksonCodec codec;

    /** @param function the portable event function; its data type is read from its declaration */
    public GcpBackgroundFunction(EventFunction<?> function) {
        this(PortableFunction.of(Objects.requireNonNull(function, "function")));
    }

    /** @param function the portable batch function; each event is a batch of one */
    public GcpBackgroundFunction(BatchFunction<?> function) {
        this(PortableFunction.of(Objects.requireNonNull(function, "function")));
    }

    /** @param function the portable function with its configuration */
    public GcpBackgroundFunction(PortableFunction function) {
        this.runtime = new GcpRuntime(Objects.requireNonNull(function, "function"), System.getenv());
        this.codec = runtime.runner().codec();
    }

    @Override
    public void accept(String json, Context context) throws Exception {
        runtime.deliver(context.eventId(), () -> fromLegacy(json, context, codec), () -> json, context);
    }

    static GcpCloudEvent fromLegacy(String json, Context context, JacksonCodec codec) {
        JsonNode data = parse(json, "data", codec);
        return LegacyEvents.convert(data, context.eventId(), context.timestamp(), context.eventType(),
                resource(context.resource(), codec), context);
    }

    /** The framework hands the resource over as JSON text: an object, a quoted string, or (older invokers) a bare name. */
    private static JsonNode resource(String resource, JacksonCodec codec) {
        if (resource == null || resource.isBlank()) {
            return null;
        }
        String trimmed = resource.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("\"")) {
            return parse(trimmed, "resource", codec);
        }
        return TextNode.valueOf(trimmed);
    }

    private static JsonNode parse(String json, String what, JacksonCodec codec) {
        if (json == null || json.isBlank()) {
            throw new EventDecodingException("legacy event: '" + what + "' is empty");
        }
        try {
            return codec.readTree(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException notJson) {
            throw new EventDecodingException("legacy event: '" + what + "' is not valid JSON: "
                    + GcpCloudEvent.firstLine(notJson.getMessage()), notJson);
        }
    }

    /**
     * Gives the function this entry runs, with its configuration; tools such as the CLI run it on other payloads.
     *
     * @return the function
     */
    public final PortableFunction function() {
        return runtime.runner().function();
    }
}
