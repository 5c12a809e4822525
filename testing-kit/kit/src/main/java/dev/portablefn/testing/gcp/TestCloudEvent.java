package dev.portablefn.testing.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.runtime.json.JacksonCodec;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A CloudEvents 1.0 {@link CloudEvent} implemented on the {@code cloudevents-api} interfaces alone (the
 * only CloudEvents jar the Functions Framework API brings), for handing to a {@code CloudEventsFunction}
 * such as {@code GcpCloudEventFunction} in tests. Build it from a structured-mode JSON event
 * ({@link #fromJson(byte[])}, what {@code GcpEvents} produces) — the framework builds the same event
 * from a structured body or from binary-mode {@code ce-*} headers.
 */
public final class TestCloudEvent implements CloudEvent {

    private static final Set<String> CONTEXT_ATTRIBUTES = Set.of("specversion", "id", "source", "type",
            "datacontenttype", "dataschema", "subject", "time", "data", "data_base64");

    private final String id;
    private final URI source;
    private final String type;
    private final String subject;
    private final OffsetDateTime time;
    private final String dataContentType;
    private final URI dataSchema;
    private final Map<String, Object> extensions;
    private final byte[] data;

    private TestCloudEvent(String id, URI source, String type, String subject, OffsetDateTime time,
                           String dataContentType, URI dataSchema, Map<String, Object> extensions, byte[] data) {
        this.id = id;
        this.source = source;
        this.type = type;
        this.subject = subject;
        this.time = time;
        this.dataContentType = dataContentType;
        this.dataSchema = dataSchema;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
        this.data = data;
    }

    /**
     * Reads a structured-mode CloudEvent: {@code data} (JSON kept as its JSON text, a string as its UTF-8
     * bytes) or {@code data_base64}; every other non-context attribute is an extension.
     *
     * @param json the structured event
     * @return the event
     * @throws IllegalArgumentException naming the field when {@code id}, {@code source} or {@code type} is missing
     *                                  or a value is malformed
     */
    public static TestCloudEvent fromJson(byte[] json) {
        JsonNode root;
        try {
            root = JacksonCodec.standard().readTree(json);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a structured CloudEvent: the JSON does not parse: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a structured CloudEvent: expected a JSON object");
        }
        String version = text(root, "specversion");
        if (version != null && !"1.0".equals(version)) {
            throw new IllegalArgumentException("CloudEvent 'specversion' " + version + " is not supported; use 1.0");
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!CONTEXT_ATTRIBUTES.contains(field.getKey()) && !field.getValue().isNull()) {
                extensions.put(field.getKey(), field.getValue().isTextual() ? field.getValue().textValue()
                        : field.getValue().toString());
            }
        }
        byte[] data = null;
        JsonNode base64 = root.get("data_base64");
        JsonNode value = root.get("data");
        String contentType = text(root, "datacontenttype");
        if (base64 != null && !base64.isNull()) {
            try {
                data = Base64.getDecoder().decode(base64.asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("CloudEvent 'data_base64' is not base64: " + e.getMessage(), e);
            }
        } else if (value != null && !value.isNull()) {
            boolean jsonData = contentType == null || contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
            data = value.isTextual() && !jsonData ? value.textValue().getBytes(StandardCharsets.UTF_8)
                    : value.toString().getBytes(StandardCharsets.UTF_8);
        }
        String time = text(root, "time");
        String schema = text(root, "dataschema");
        return of(required(root, "id"), required(root, "source"), required(root, "type"), text(root, "subject"),
                time == null ? null : parseTime(time), contentType, schema, extensions, data);
    }

    /**
     * @param id              the event id
     * @param source          the source URI reference
     * @param type            the event type
     * @param subject         the subject, or {@code null}
     * @param time            the time, or {@code null}
     * @param dataContentType the data's content type, or {@code null}
     * @param dataSchema      the data schema URI, or {@code null}
     * @param extensions      extension attributes
     * @param data            the data, or {@code null}
     * @return the event
     */
    public static TestCloudEvent of(String id, String source, String type, String subject, OffsetDateTime time,
                                    String dataContentType, String dataSchema, Map<String, Object> extensions, byte[] data) {
        return new TestCloudEvent(Objects.requireNonNull(id, "id"), uri(Objects.requireNonNull(source, "source"), "source"),
                Objects.requireNonNull(type, "type"), subject, time, dataContentType,
                dataSchema == null ? null : uri(dataSchema, "dataschema"), extensions == null ? Map.of() : extensions,
                data == null ? null : data.clone());
    }

    private static String required(JsonNode root, String field) {
        String value = text(root, field);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("CloudEvent '" + field + "' is missing");
        }
        return value;
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static OffsetDateTime parseTime(String time) {
        try {
            return OffsetDateTime.parse(time);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("CloudEvent 'time' is not RFC 3339: '" + time + "'", e);
        }
    }

    private static URI uri(String value, String field) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("CloudEvent '" + field + "' is not a URI reference: '" + value + "'", e);
        }
    }

    @Override
    public CloudEventData getData() {
        if (data == null) {
            return null;
        }
        byte[] copy = data.clone();
        return copy::clone;
    }

    @Override
    public SpecVersion getSpecVersion() {
        return SpecVersion.V1;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public URI getSource() {
        return source;
    }

    @Override
    public String getDataContentType() {
        return dataContentType;
    }

    @Override
    public URI getDataSchema() {
        return dataSchema;
    }

    @Override
    public String getSubject() {
        return subject;
    }

    @Override
    public OffsetDateTime getTime() {
        return time;
    }

    /** @throws IllegalArgumentException for a name that is not a CloudEvents 1.0 context attribute, as the SDK does */
    @Override
    public Object getAttribute(String name) {
        return switch (name) {
            case "specversion" -> SpecVersion.V1;
            case "id" -> id;
            case "source" -> source;
            case "type" -> type;
            case "datacontenttype" -> dataContentType;
            case "dataschema" -> dataSchema;
            case "subject" -> subject;
            case "time" -> time;
            default -> throw new IllegalArgumentException("'" + name + "' is not a CloudEvents 1.0 context attribute");
        };
    }

    @Override
    public Object getExtension(String name) {
        return extensions.get(name);
    }

    @Override
    public Set<String> getExtensionNames() {
        return extensions.keySet();
    }

    @Override
    public String toString() {
        return "TestCloudEvent{" + type + ", " + id + "}";
    }
}
