package dev.portablefn.gcp.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.RetryableException;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Runs inside the invoker's child JVM: writes what it saw to {@code <gcp.it.out>/<event id>.json} and marks each
 * call with a file {@code <event id>.call-*}, so a test can count the calls, then fails when the event's
 * {@code outcome} attribute asks it to.
 */
public final class RecordingEventFunction implements EventFunction<Object> {

    @Override
    public void handle(Event<Object> event, Context context) {
        JacksonCodec codec = JacksonCodec.standard();
        ObjectNode seen = codec.mapper().createObjectNode();
        seen.put("id", event.id()).put("source", event.source()).put("type", event.type())
                .put("subject", event.subject().orElse(null)).put("time", event.time().map(Object::toString).orElse(null))
                .put("trigger", event.trigger().name()).put("requestId", context.requestId())
                .put("functionName", context.functionName()).put("traceId", context.traceId().orElse(null));
        seen.set("attributes", codec.mapper().valueToTree(event.attributes()));
        seen.set("data", codec.mapper().valueToTree(event.data()));
        Path out = Path.of(System.getProperty("gcp.it.out"));
        try {
            Files.createTempFile(out, event.id() + ".call-", ".mark");
            Path temp = Files.createTempFile(out, "event", ".tmp");
            Files.write(temp, codec.write(seen));
            Files.move(temp, out.resolve(event.id() + ".json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String outcome = event.attribute("outcome").orElse("");
        if (outcome.equals("retry")) {
            throw new RetryableException("asked to fail retryably");
        }
        if (outcome.equals("permanent")) {
            throw new PermanentFailure("asked to fail permanently");
        }
    }
}
