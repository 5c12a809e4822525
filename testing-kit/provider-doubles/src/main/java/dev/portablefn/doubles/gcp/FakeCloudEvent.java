package dev.portablefn.doubles.gcp;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A CloudEvents 1.0 {@link CloudEvent} implemented on the {@code cloudevents-api} interfaces alone (the only
 * CloudEvents jar the Functions Framework API brings), for handing to a {@code CloudEventsFunction} in tests and
 * benchmarks: the event the framework builds from a structured body or from binary-mode {@code ce-*} headers.
 * Like the SDK's, its data is handed out without copying.
 */
public final class FakeCloudEvent implements CloudEvent {

    private final String id;
    private final URI source;
    private final String type;
    private final String subject;
    private final OffsetDateTime time;
    private final String dataContentType;
    private final URI dataSchema;
    private final Map<String, Object> extensions;
    private final Set<String> extensionNames;
    private final byte[] data;

    private FakeCloudEvent(Builder builder) {
        this.id = builder.id;
        this.source = builder.source;
        this.type = builder.type;
        this.subject = builder.subject;
        this.time = builder.time;
        this.dataContentType = builder.dataContentType;
        this.dataSchema = builder.dataSchema;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extensions));
        // Set.of() when there are none: iterating it costs what the SDK's empty extension set does.
        this.extensionNames = extensions.isEmpty() ? Set.of() : extensions.keySet();
        this.data = builder.data;
    }

    /**
     * Starts an event; {@code id}, {@code source} and {@code type} are required.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Gives the data.
     *
     * @return a view of the data bytes (not a copy, as in the SDK), or {@code null} when the event has none
     */
    @Override
    public CloudEventData getData() {
        return data == null ? null : () -> data;
    }

    /**
     * Tells the spec version.
     *
     * @return {@link SpecVersion#V1}
     */
    @Override
    public SpecVersion getSpecVersion() {
        return SpecVersion.V1;
    }

    /**
     * Tells the id.
     *
     * @return the event id
     */
    @Override
    public String getId() {
        return id;
    }

    /**
     * Tells the type.
     *
     * @return the event type
     */
    @Override
    public String getType() {
        return type;
    }

    /**
     * Tells the source.
     *
     * @return the source URI reference
     */
    @Override
    public URI getSource() {
        return source;
    }

    /**
     * Tells the data's content type.
     *
     * @return the content type, or {@code null}
     */
    @Override
    public String getDataContentType() {
        return dataContentType;
    }

    /**
     * Tells the data schema.
     *
     * @return the schema URI, or {@code null}
     */
    @Override
    public URI getDataSchema() {
        return dataSchema;
    }

    /**
     * Tells the subject.
     *
     * @return the subject, or {@code null}
     */
    @Override
    public String getSubject() {
        return subject;
    }

    /**
     * Tells the time.
     *
     * @return the time, or {@code null}
     */
    @Override
    public OffsetDateTime getTime() {
        return time;
    }

    /**
     * Reads a context attribute by its CloudEvents name.
     *
     * @param name the attribute name, such as {@code type} or {@code datacontenttype}
     * @return its value, or {@code null} when the event does not have it
     * @throws IllegalArgumentException for a name that is not a CloudEvents 1.0 context attribute, as the SDK does
     */
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

    /**
     * Reads an extension attribute.
     *
     * @param name the extension name
     * @return its value, or {@code null} when the event does not have it
     */
    @Override
    public Object getExtension(String name) {
        return extensions.get(name);
    }

    /**
     * Tells the extension names.
     *
     * @return the names, in the order they were added
     */
    @Override
    public Set<String> getExtensionNames() {
        return extensionNames;
    }

    /**
     * Describes this double briefly.
     *
     * @return the type and id, for test failure messages
     */
    @Override
    public String toString() {
        return "FakeCloudEvent{" + type + ", " + id + "}";
    }

    /** Gathers the attributes and data of a {@link FakeCloudEvent}. */
    public static final class Builder {
        private String id;
        private URI source;
        private String type;
        private String subject;
        private OffsetDateTime time;
        private String dataContentType;
        private URI dataSchema;
        private final Map<String, Object> extensions = new LinkedHashMap<>();
        private byte[] data;

        private Builder() {
        }

        /**
         * Sets the id.
         *
         * @param id the event id
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets the source.
         *
         * @param source a URI reference, such as {@code //pubsub.googleapis.com/projects/p/topics/t}
         * @return this builder
         * @throws IllegalArgumentException if it is not a URI reference
         */
        public Builder source(String source) {
            this.source = uri(Objects.requireNonNull(source, "source"), "source");
            return this;
        }

        /**
         * Sets the type.
         *
         * @param type the event type, such as {@code google.cloud.pubsub.topic.v1.messagePublished}
         * @return this builder
         */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /**
         * Sets the subject.
         *
         * @param subject the subject, or {@code null} for none
         * @return this builder
         */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /**
         * Sets the time.
         *
         * @param time the time, or {@code null} for none
         * @return this builder
         */
        public Builder time(OffsetDateTime time) {
            this.time = time;
            return this;
        }

        /**
         * Sets the data's content type.
         *
         * @param contentType the media type, or {@code null} for none
         * @return this builder
         */
        public Builder dataContentType(String contentType) {
            this.dataContentType = contentType;
            return this;
        }

        /**
         * Sets the data schema.
         *
         * @param schema the schema URI, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if it is not a URI reference
         */
        public Builder dataSchema(String schema) {
            this.dataSchema = schema == null ? null : uri(schema, "dataschema");
            return this;
        }

        /**
         * Adds an extension attribute.
         *
         * @param name  the extension name, such as {@code traceparent}
         * @param value its value: a string, number, boolean, URI, time or bytes, as CloudEvents allows
         * @return this builder
         */
        public Builder extension(String name, Object value) {
            extensions.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds extension attributes.
         *
         * @param extensions the extensions by name
         * @return this builder
         */
        public Builder extensions(Map<String, ?> extensions) {
            extensions.forEach(this::extension);
            return this;
        }

        /**
         * Sets the data.
         *
         * @param data the data bytes, copied; {@code null} for none
         * @return this builder
         */
        public Builder data(byte[] data) {
            this.data = data == null ? null : data.clone();
            return this;
        }

        /**
         * Builds the event.
         *
         * @return the event
         * @throws IllegalArgumentException naming the attribute when {@code id}, {@code source} or {@code type} is
         *                                  missing
         */
        public FakeCloudEvent build() {
            require(id, "id");
            require(source == null ? null : source.toString(), "source");
            require(type, "type");
            return new FakeCloudEvent(this);
        }

        private static void require(String value, String attribute) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("CloudEvent '" + attribute + "' is missing");
            }
        }

        private static URI uri(String value, String attribute) {
            try {
                return new URI(value);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("CloudEvent '" + attribute + "' is not a URI reference: '" + value + "'", e);
            }
        }
    }
}
