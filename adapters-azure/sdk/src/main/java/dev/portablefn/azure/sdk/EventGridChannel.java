package dev.portablefn.azure.sdk;

import com.azure.core.credential.AzureKeyCredential;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.models.CloudEvent;
import com.azure.core.models.CloudEventDataFormat;
import com.azure.core.util.BinaryData;
import com.azure.messaging.eventgrid.EventGridPublisherAsyncClient;
import com.azure.messaging.eventgrid.EventGridPublisherClientBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.portablefn.api.Context;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.runtime.internal.outbound.CurrentInvocation;
import dev.portablefn.runtime.internal.outbound.OutboundCalls;
import dev.portablefn.runtime.json.JacksonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes to Event Grid topics in the CloudEvents 1.0 schema (the topic's input schema must be CloudEvents v1.0).
 * The body is the event's {@code data}: as JSON when it is JSON ({@code application/json}), else as a JSON string
 * ({@code text/plain}). Attributes are CloudEvent extension attributes, so the trace travels as the Distributed
 * Tracing extension's {@code traceparent}; {@value ServiceBusChannel#DEDUPLICATION} becomes the event id. The type is
 * {@value #TYPE} and the source {@code /portablefn/<function>}.
 */
final class EventGridChannel {

    /** The CloudEvent type of every event a function publishes. */
    static final String TYPE = "dev.portablefn.message";
    /** Event Grid's limit on one event. */
    static final long MAX_EVENT_BYTES = 1024 * 1024;
    /** Room for the CloudEvent's own attributes (id, source, type, time) around the data and extensions. */
    private static final long ENVELOPE_BYTES = 256;
    private static final Set<String> CORE_ATTRIBUTES = Set.of("id", "source", "specversion", "type", "datacontenttype",
            "dataschema", "subject", "time", "data", "data_base64");
    private static final Duration CALL_CAP = Duration.ofSeconds(10);
    private static final ObjectReader STRICT_JSON = JacksonCodec.standard().mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final AzureSettings settings;
    private final ConcurrentHashMap<String, EventGridPublisherAsyncClient<CloudEvent>> clients = new ConcurrentHashMap<>();

    EventGridChannel(AzureSettings settings) {
        this.settings = settings;
    }

    String send(String logical, String endpoint, String body, Map<String, String> attributes) {
        CloudEvent event = cloudEvent(logical, body, attributes);
        Duration timeout = OutboundCalls.callTimeout(logical, CALL_CAP);
        try {
            clients.computeIfAbsent(endpoint, this::client).sendEvents(List.of(event)).timeout(timeout).block();
        } catch (RuntimeException failure) {
            throw AzureFailures.classify(failure, "Event Grid publish", logical, "topic " + endpoint, timeout);
        }
        return event.getId();
    }

    /**
     * Maps a portable message to a CloudEvent, refusing what the CloudEvents schema cannot carry.
     *
     * @param logical    the logical destination, for errors
     * @param body       the body
     * @param attributes the attributes, {@code traceparent} included
     * @return the event
     * @throws PermanentFailure naming the attribute when a name is not a CloudEvents extension name, or when the
     *                          event is over Event Grid's 1 MB limit
     */
    static CloudEvent cloudEvent(String logical, String body, Map<String, String> attributes) {
        long size = ENVELOPE_BYTES + body.getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            String name = attribute.getKey();
            if (!name.equals(ServiceBusChannel.DEDUPLICATION)) {
                checkExtensionName(logical, name);
            }
            size += name.length() + attribute.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        OutboundCalls.checkSize(logical, size, MAX_EVENT_BYTES, "Event Grid");
        boolean json = isJson(body);
        CloudEvent event = new CloudEvent(source(), TYPE,
                BinaryData.fromString(json ? body : quoted(body)), CloudEventDataFormat.JSON,
                json ? "application/json" : "text/plain; charset=utf-8");
        String deduplication = attributes.get(ServiceBusChannel.DEDUPLICATION);
        event.setId(deduplication != null ? deduplication : UUID.randomUUID().toString());
        event.setTime(OffsetDateTime.now(ZoneOffset.UTC));
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (!attribute.getKey().equals(ServiceBusChannel.DEDUPLICATION)) {
                event.addExtensionAttribute(attribute.getKey(), attribute.getValue());
            }
        }
        return event;
    }

    /** CloudEvents 1.0: extension names are lower-case ASCII letters and digits, and must not shadow a core attribute. */
    private static void checkExtensionName(String logical, String name) {
        boolean valid = !name.isEmpty() && name.length() <= 20 && !CORE_ATTRIBUTES.contains(name);
        for (int i = 0; valid && i < name.length(); i++) {
            char c = name.charAt(i);
            valid = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
        }
        if (valid) {
            return;
        }
        if (name.equals(ServiceBusChannel.GROUP)) {
            throw new PermanentFailure("the message to '" + logical + "' names a " + ServiceBusChannel.GROUP
                    + ", but Event Grid does not deliver in order: publish ordered messages to a session-enabled"
                    + " Service Bus queue");
        }
        throw new PermanentFailure("the message to '" + logical + "' has the attribute '" + name + "', which an Event"
                + " Grid CloudEvent cannot carry: extension attribute names are 1 to 20 lower-case letters and digits,"
                + " other than the CloudEvents attributes " + new TreeSet<>(CORE_ATTRIBUTES));
    }

    private static boolean isJson(String body) {
        if (body.isBlank()) {
            return false;
        }
        try {
            STRICT_JSON.readTree(body);
            return true;
        } catch (JsonProcessingException notJson) {
            return false;
        }
    }

    private static String quoted(String text) {
        try {
            return JacksonCodec.standard().mapper().writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string is always writable as JSON", e);
        }
    }

    private static String source() {
        return CurrentInvocation.context().map(Context::functionName).map(name -> "/portablefn/" + name)
                .orElse("/portablefn");
    }

    private EventGridPublisherAsyncClient<CloudEvent> client(String endpoint) {
        EventGridPublisherClientBuilder builder = new EventGridPublisherClientBuilder().endpoint(endpoint)
                .httpClient(settings.httpClient())
                .retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(2)
                        .setBaseDelay(Duration.ofMillis(200)).setMaxDelay(Duration.ofSeconds(2))));
        String key = settings.secretNamedBy(AzureSettings.EVENT_GRID_KEY_SETTING);
        builder = key != null ? builder.credential(new AzureKeyCredential(key)) : builder.credential(settings.credential());
        return builder.buildCloudEventPublisherAsyncClient();
    }
}
