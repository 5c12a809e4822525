package dev.portablefn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.Provider;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.batch.Ordering;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.runtime.internal.Decoded;
import dev.portablefn.runtime.internal.ProviderDecoder;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stand-in AWS decoder registered in test resources, so CLI tests do not depend on the adapters:
 * {"http": {...}} decodes to a request, {"records": [{"id", "body"}]} to a queue batch,
 * {"storage": {"bucket", "key"}} to a storage event; anything else goes to the adapter's decoder.
 */
public final class FakeAwsDecoder implements ProviderDecoder {

    @Override
    public Provider provider() {
        return Provider.AWS;
    }

    @Override
    public Decoded decode(byte[] payload) {
        JsonNode root;
        try {
            root = JacksonCodec.standard().readTree(payload);
        } catch (IOException e) {
            throw new EventDecodingException("payload is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new EventDecodingException("payload is not a JSON object");
        }
        if (root.has("http")) {
            JsonNode http = root.get("http");
            HttpRequest.Builder request = HttpRequest.builder().method(http.path("method").asText("GET"))
                    .path(http.path("path").asText("/")).body(http.path("body").asText(""));
            http.path("headers").fields().forEachRemaining(h -> request.header(h.getKey(), h.getValue().asText()));
            http.path("query").fields().forEachRemaining(q -> request.queryParameter(q.getKey(), q.getValue().asText()));
            return new Decoded.Http(request.build());
        }
        if (root.has("records")) {
            List<Event<?>> events = new ArrayList<>();
            for (JsonNode record : root.get("records")) {
                if (!record.hasNonNull("id")) {
                    throw new EventDecodingException("records[" + events.size() + "]: 'id' is missing");
                }
                events.add(Event.<byte[]>builder().id(record.get("id").asText()).source("arn:aws:sqs:eu-west-1:1:q")
                        .type("aws:sqs").trigger(Trigger.QUEUE).time(Instant.parse("2024-05-01T10:00:00Z"))
                        .data(record.path("body").asText().getBytes(StandardCharsets.UTF_8))
                        .attributes(Map.of("ApproximateReceiveCount", "1")).build());
            }
            return new Decoded.Events(events, Ordering.UNORDERED, true);
        }
        if (root.has("storage")) {
            JsonNode storage = root.get("storage");
            StorageObject object = new StorageObject(storage.path("bucket").asText(), storage.path("key").asText(), 12L,
                    "text/plain", "abc", StorageObject.Change.CREATED, null, Map.of());
            return new Decoded.Events(List.of(Event.<StorageObject>builder().id("s-1").source("arn:aws:s3:::b")
                    .type("aws:s3:ObjectCreated:Put").subject(object.key()).trigger(Trigger.STORAGE).data(object).build()),
                    Ordering.UNORDERED, false);
        }
        // A real AWS payload (the ones 'invoke' tests hand the adapter): the adapter's own decoder answers.
        for (ProviderDecoder decoder : java.util.ServiceLoader.load(ProviderDecoder.class)) {
            if (decoder.provider() == Provider.AWS && !(decoder instanceof FakeAwsDecoder)) {
                return decoder.decode(payload);
            }
        }
        throw new EventDecodingException("unknown AWS event: expected 'http', 'records' or 'storage'");
    }
}
