package dev.portablefn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.HttpStatus;
import dev.portablefn.doubles.gcp.FakeBackgroundContext;
import dev.portablefn.doubles.gcp.FakeCloudEvent;
import dev.portablefn.doubles.gcp.FakeHttpRequest;
import dev.portablefn.doubles.gcp.FakeHttpResponse;
import dev.portablefn.gcp.GcpBackgroundFunction;
import dev.portablefn.gcp.GcpCloudEventFunction;
import dev.portablefn.gcp.GcpHttpFunction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs payloads through the Functions Framework interfaces: raw HTTP/1.1 requests through
 * {@link GcpHttpFunction#service}, structured CloudEvents through {@link GcpCloudEventFunction#accept}, legacy
 * background events through {@link GcpBackgroundFunction#accept}. Event invocations answer as the framework does:
 * 200 with no body, or 500 when the function threw (the platform then redelivers).
 */
final class GcpDriver implements ProviderDriver {

    private final PortableFunction function;
    private GcpHttpFunction httpEntry;
    private GcpCloudEventFunction cloudEventEntry;
    private GcpBackgroundFunction backgroundEntry;

    GcpDriver(PortableFunction function) {
        this.function = function;
    }

    @Override
    public Provider provider() {
        return Provider.GCP;
    }

    @Override
    public ProviderCall invoke(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8).stripLeading();
        if (!text.startsWith("{")) {
            return service(FakeHttpRequest.parse(payload));
        }
        JsonNode root = RawJson.tree(payload, "GCP event");
        if (root.has("specversion")) {
            FakeCloudEvent event = GcpEvents.cloudEvent(payload);
            return event(event.getId(), () -> cloudEventEntry().accept(event));
        }
        JsonNode context = root.has("context") ? root.get("context") : root;
        String eventId = context.path("eventId").asText(null);
        if (eventId == null || !root.has("data")) {
            throw new IllegalArgumentException("GCP payload is neither an HTTP/1.1 request, a structured CloudEvent"
                    + " ('specversion') nor a legacy background event ('context.eventId' and 'data')");
        }
        JsonNode resource = context.get("resource");
        FakeBackgroundContext legacy = new FakeBackgroundContext(eventId, context.path("timestamp").asText(null),
                context.path("eventType").asText(null), resource == null || resource.isNull() ? null : resource.toString());
        String data = root.get("data").toString();
        return event(eventId, () -> backgroundEntry().accept(data, legacy));
    }

    @Override
    public ProviderCall http(HttpRequest request) {
        return service(GcpEvents.frameworkRequest(request));
    }

    @Override
    public ProviderCall topic(String topic, Event<?> message) {
        return invoke(GcpEvents.pubsub(topic, message));
    }

    @Override
    public List<byte[]> queuePayloads(List<String> bodies) {
        List<byte[]> payloads = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            payloads.add(GcpEvents.pubsub(AwsEvents.messageId(i), bodies.get(i), Map.of()));
        }
        return payloads;
    }

    private ProviderCall service(FakeHttpRequest request) {
        FakeHttpResponse response = new FakeHttpResponse();
        try {
            httpEntry().service(request, response);
        } catch (Exception | Error thrown) {
            // The framework logs the exception and answers 500 without details.
            FakeHttpResponse failed = new FakeHttpResponse();
            failed.setStatusCode(500);
            return new ProviderCall(wireBytes(failed), failed, HttpResponse.status(500), List.of(), thrown);
        }
        HttpResponse portable = HttpResponse.status(response.statusCode());
        for (Map.Entry<String, List<String>> header : response.getHeaders().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Content-Type")) {
                for (String value : header.getValue()) {
                    portable = portable.header(header.getKey(), value);
                }
            }
        }
        byte[] body = response.body();
        String contentType = response.getContentType().orElse(null);
        portable = body.length > 0 || contentType != null ? portable.body(body, contentType) : portable;
        return new ProviderCall(wireBytes(response), response, portable, List.of(), null);
    }

    /** @return the response as HTTP/1.1 bytes, as the framework sends it: status line, headers, blank line, body */
    static byte[] wireBytes(FakeHttpResponse response) {
        byte[] content = response.body();
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.statusCode()).append(' ')
                .append(HttpStatus.reason(response.statusCode())).append("\r\n");
        response.getHeaders().forEach((name, values) -> values.forEach(value ->
                head.append(name).append(": ").append(value).append("\r\n")));
        head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(start, start.length + content.length);
        System.arraycopy(content, 0, all, start.length, content.length);
        return all;
    }

    private interface Delivery {
        void run() throws Exception;
    }

    private static ProviderCall event(String eventId, Delivery delivery) {
        FakeHttpResponse response = new FakeHttpResponse();
        try {
            delivery.run();
        } catch (Exception | Error thrown) {
            response.setStatusCode(500);
            return new ProviderCall(wireBytes(response), response, null, List.of(eventId), thrown);
        }
        return new ProviderCall(wireBytes(response), response, null, List.of(), null);
    }

    private synchronized GcpHttpFunction httpEntry() {
        if (httpEntry == null) {
            httpEntry = new GcpHttpFunction(function);
        }
        return httpEntry;
    }

    private synchronized GcpCloudEventFunction cloudEventEntry() {
        if (cloudEventEntry == null) {
            cloudEventEntry = new GcpCloudEventFunction(function);
        }
        return cloudEventEntry;
    }

    private synchronized GcpBackgroundFunction backgroundEntry() {
        if (backgroundEntry == null) {
            backgroundEntry = new GcpBackgroundFunction(function);
        }
        return backgroundEntry;
    }
}
