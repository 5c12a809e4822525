package dev.portablefn.azure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loads the payloads in {@code src/test/resources/events/azure/} (see the README there for their origin). */
final class Fixtures {

    static final List<String> ALL = List.of("eventgrid-blob-created.json", "cloudevents-blob-created.json",
            "eventgrid-blob-deleted.json", "eventgrid-custom-topic.json", "cloudevents-custom-binary.json",
            "invocation-http.json", "invocation-queue.json", "invocation-servicebus.json", "invocation-timer.json",
            "invocation-eventhubs.json", "invocation-cosmos.json", "invocation-blob.json");

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/events/azure/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
