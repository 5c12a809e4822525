package dev.portablefn.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Points every logger at a buffer, shaped and filtered by {@link PortableLogging} as for a given environment; on close,
 * back to standard output as for this process.
 */
final class LogCapture implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final LogFormat format;

    private LogCapture(Map<String, String> environment) {
        format = PortableLogging.install(environment::get, out);
    }

    /** Configures logging as a process with these environment variables would be. */
    static LogCapture like(Map<String, String> environment) {
        return new LogCapture(environment);
    }

    LogFormat format() {
        return format;
    }

    String text() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** @return every line written so far, each parsed as one JSON object */
    List<JsonNode> lines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text().split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (java.io.IOException notJson) {
                    throw new UncheckedIOException("not one JSON object per line: " + line, notJson);
                }
            }
        }
        return lines;
    }

    /** @return the one line whose message starts with {@code prefix} */
    JsonNode line(String prefix) {
        List<JsonNode> matching = lines().stream().filter(line -> line.path("message").asText().startsWith(prefix)).toList();
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " lines start with '" + prefix + "' in:\n" + text());
        }
        return matching.get(0);
    }

    @Override
    public void close() {
        PortableLogging.install(System::getenv, System.out);
    }
}
