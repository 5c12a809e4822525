package dev.portablefn.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads recorded provider payloads (JSON captured from a real provider, or a raw HTTP request) for
 * {@link FunctionTester#invoke(byte[])} and the adapters' decoders, from a file or the test classpath.
 */
public final class RecordedEvents {

    private RecordedEvents() {
    }

    /**
     * @param file the recorded payload
     * @return its bytes
     * @throws UncheckedIOException naming the file when it cannot be read
     */
    public static byte[] load(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recorded event " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param resource a classpath resource such as {@code events/aws/sqs-event.json} (a leading {@code /} is allowed),
     *                 looked up through the thread's context class loader, then this library's
     * @return its bytes
     * @throws IllegalArgumentException naming the resource when it is not on the classpath
     */
    public static byte[] load(String resource) {
        Objects.requireNonNull(resource, "resource");
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream in = context == null ? null : context.getResourceAsStream(name);
        if (in == null) {
            in = RecordedEvents.class.getClassLoader().getResourceAsStream(name);
        }
        if (in == null) {
            throw new IllegalArgumentException("recorded event '" + resource + "' is not on the classpath; put it under"
                    + " src/test/resources/" + name + " or load it with RecordedEvents.load(Path)");
        }
        try (InputStream stream = in) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recorded event '" + resource + "': " + e.getMessage(), e);
        }
    }
}
