package dev.portablefn.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Loads recorded provider payloads (JSON captured from a real provider, or a raw HTTP request) for
 * {@link FunctionTester#invoke(byte[])} and the adapters' decoders: the ones the kit ships by name
 * ({@link #named(String)}: AWS Lambda events and Google CloudEvent data recorded by the providers' own projects, under
 * their Apache-2.0 licenses), or your own from a file or the test classpath.
 */
public final class RecordedEvents {

    /** Where the shipped events live on the classpath, with their licenses and {@code index.txt}. */
    private static final String SHIPPED = "dev/portablefn/testing/recorded/";

    private RecordedEvents() {
    }

    private static final class Holder {
        static final List<String> NAMES = index();

        private static List<String> index() {
            String text = new String(load(SHIPPED + "index.txt"), StandardCharsets.UTF_8);
            return text.lines().map(String::strip).filter(line -> !line.isEmpty()).sorted().toList();
        }
    }

    /**
     * @return the names of the recorded events the kit ships, such as {@code aws/sqs-event} and
     *         {@code gcp/pubsub-MessagePublishedData-text}, sorted
     */
    public static List<String> names() {
        return Holder.NAMES;
    }

    /**
     * @param name a name from {@link #names()}, such as {@code aws/sqs-event}
     * @return the recorded payload: a whole Lambda event for {@code aws/...}, the CloudEvent's {@code data} for
     *         {@code gcp/...} (wrap it with {@link #cloudEvent})
     * @throws IllegalArgumentException naming the known events when there is no such name
     */
    public static byte[] named(String name) {
        Objects.requireNonNull(name, "name");
        if (!Holder.NAMES.contains(name)) {
            throw new IllegalArgumentException("the testing kit ships no recorded event '" + name + "'; known: "
                    + Holder.NAMES);
        }
        return load(SHIPPED + name + ".json");
    }

    /**
     * Wraps recorded CloudEvent data in a structured-mode CloudEvent, as Eventarc delivers it.
     *
     * @param name   a {@code gcp/...} name from {@link #names()}
     * @param type   the CloudEvent type, such as {@code google.cloud.pubsub.topic.v1.messagePublished}
     * @param source the CloudEvent source, such as {@code //pubsub.googleapis.com/projects/p/topics/t}
     * @return the CloudEvent JSON, id {@code recorded-1}, time {@link TestClock#DEFAULT_START}
     */
    public static byte[] cloudEvent(String name, String type, String source) {
        ObjectNode root = RawJson.object();
        root.put("specversion", "1.0");
        root.put("id", "recorded-1");
        root.put("source", Objects.requireNonNull(source, "source"));
        root.put("type", Objects.requireNonNull(type, "type"));
        root.put("time", TestClock.DEFAULT_START.toString());
        root.put("datacontenttype", "application/json");
        root.set("data", RawJson.tree(named(name), "recorded event " + name));
        return RawJson.compact(root);
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
