package dev.portablefn.gcp;

import com.google.cloud.functions.CloudEventsFunction;
import dev.portablefn.api.BatchFunction;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PortableFunction;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a portable {@link EventFunction} or {@link BatchFunction} as a Functions Framework CloudEvents function
 * (gen2: Pub/Sub, Cloud Storage, Firestore, Cloud Scheduler, any Eventarc event). Subclass it with your function:
 * {@code public class OnOrder extends GcpCloudEventFunction { public OnOrder() { super(new OrderPlaced()); } }}.
 * A failure throws, so the framework answers 500 and the platform redelivers the event (Pub/Sub until the
 * subscription's max delivery attempts, then its dead-letter topic; other triggers when retries are enabled). A
 * permanent failure (undecodable event, invalid data, {@code PermanentFailure}) is handed back the same way, unless
 * the function has a dead-letter destination ({@link PortableFunction#withDeadLetter(String)} or
 * {@code PORTABLEFN_DEAD_LETTER}): then it is published there and acknowledged (200), or handed back if that fails.
 */
public class GcpCloudEventFunction implements CloudEventsFunction {

    private final GcpRuntime runtime;

    /** @param function the portable event function; its data type is read from its declaration */
    public GcpCloudEventFunction(EventFunction<?> function) {
        this(PortableFunction.of(Objects.requireNonNull(function, "function")));
    }

    /** @param function the portable batch function; each CloudEvent is a batch of one */
    public GcpCloudEventFunction(BatchFunction<?> function) {
        this(PortableFunction.of(Objects.requireNonNull(function, "function")));
    }

    /** @param function the portable function with its configuration (data type, middleware, codec, limits) */
    public GcpCloudEventFunction(PortableFunction function) {
        this.runtime = new GcpRuntime(Objects.requireNonNull(function, "function"), System.getenv());
    }

    @Override
    public void accept(CloudEvent event) throws Exception {
        runtime.deliver(event.getId(), () -> fromSdk(event), () -> String.valueOf(event), event);
    }

    /** Maps the CloudEvents SDK's event, which the framework built from binary-mode headers or a structured body. */
    static GcpCloudEvent fromSdk(CloudEvent event) {
        Set<String> names = event.getExtensionNames();
        Map<String, String> extensions = names.isEmpty() && event.getDataSchema() == null ? Map.of() : new LinkedHashMap<>();
        for (String name : names) {
            Object value = event.getExtension(name);
            if (value instanceof byte[] bytes) {
                extensions.put(name, Base64.getEncoder().encodeToString(bytes));
            } else if (value != null) {
                extensions.put(name, value.toString());
            }
        }
        if (event.getDataSchema() != null) {
            extensions.put("dataschema", event.getDataSchema().toString());
        }
        CloudEventData data = event.getData();
        OffsetDateTime time = event.getTime();
        return new GcpCloudEvent(event.getId(), event.getSource() == null ? null : event.getSource().toString(),
                event.getType(), event.getSubject(), time == null ? null : time.toInstant(), event.getDataContentType(),
                extensions, null, data == null ? null : data.toBytes(), event);
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
