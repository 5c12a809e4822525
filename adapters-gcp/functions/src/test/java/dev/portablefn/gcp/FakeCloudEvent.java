package dev.portablefn.gcp;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

/** The CloudEvents SDK interface over fixed values, as the framework hands a binary-mode event over. */
record FakeCloudEvent(String id, URI source, String type, String subject, OffsetDateTime time, String contentType,
                      Map<String, Object> extensions, byte[] data) implements CloudEvent {

    @Override
    public CloudEventData getData() {
        return data == null ? null : () -> data;
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
        return contentType;
    }

    @Override
    public URI getDataSchema() {
        return null;
    }

    @Override
    public String getSubject() {
        return subject;
    }

    @Override
    public OffsetDateTime getTime() {
        return time;
    }

    @Override
    public Object getAttribute(String name) {
        return switch (name) {
            case "id" -> id;
            case "source" -> source;
            case "type" -> type;
            case "subject" -> subject;
            case "time" -> time;
            case "datacontenttype" -> contentType;
            case "specversion" -> SpecVersion.V1;
            default -> throw new IllegalArgumentException("unknown attribute " + name);
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
}
