package dev.portablefn.bench.fakes;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Set;

/** A Pub/Sub CloudEvent as the Functions Framework builds it from a push request: attributes and JSON data. */
public final class FakeCloudEvent implements CloudEvent {

    private static final URI SOURCE = URI.create("//pubsub.googleapis.com/projects/my-project/topics/orders");
    private static final OffsetDateTime TIME = OffsetDateTime.parse("2021-02-05T04:06:14.109Z");

    private final String id;
    private final byte[] data;

    /**
     * @param id   the event id
     * @param data the {@code MessagePublishedData} JSON
     */
    public FakeCloudEvent(String id, byte[] data) {
        this.id = id;
        this.data = data;
    }

    @Override
    public CloudEventData getData() {
        return () -> data;
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
        return "google.cloud.pubsub.topic.v1.messagePublished";
    }

    @Override
    public URI getSource() {
        return SOURCE;
    }

    @Override
    public String getDataContentType() {
        return "application/json";
    }

    @Override
    public URI getDataSchema() {
        return null;
    }

    @Override
    public String getSubject() {
        return null;
    }

    @Override
    public OffsetDateTime getTime() {
        return TIME;
    }

    @Override
    public Object getAttribute(String name) {
        return switch (name) {
            case "specversion" -> getSpecVersion();
            case "id" -> id;
            case "type" -> getType();
            case "source" -> SOURCE;
            case "datacontenttype" -> getDataContentType();
            case "time" -> TIME;
            case "dataschema", "subject" -> null;
            default -> throw new IllegalArgumentException("no CloudEvent attribute " + name);
        };
    }

    @Override
    public Object getExtension(String name) {
        return null;
    }

    @Override
    public Set<String> getExtensionNames() {
        return Set.of();
    }
}
