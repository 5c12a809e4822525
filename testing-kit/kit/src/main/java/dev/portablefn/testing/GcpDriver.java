package dev.portablefn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.gcp.GcpBackgroundFunction;
import dev.portablefn.gcp.GcpCloudEventFunction;
import dev.portablefn.gcp.GcpHttpFunction;
import dev.portablefn.testing.gcp.TestCloudEvent;
import dev.portablefn.testing.gcp.TestHttpRequest;
import dev.portablefn.testing.gcp.TestHttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
            return service(TestHttpRequest.parse(payload));
        }
        JsonNode root = RawJson.tree(payload, "GCP event");
        if (root.has("specversion")) {
            TestCloudEvent event = TestCloudEvent.fromJson(payload);
            return event(event.getId(), () -> cloudEventEntry().accept(event));
        }
        JsonNode context = root.has("context") ? root.get("context") : root;
        String eventId = context.path("eventId").asText(null);
        if (eventId == null || !root.has("data")) {
            throw new IllegalArgumentException("GCP payload is neither an HTTP/1.1 request, a structured CloudEvent"
                    + " ('specversion') nor a legacy background event ('context.eventId' and 'data')");
        }
        JsonNode resource = context.get("resource");
        com.google.cloud.functions.Context legacy = new com.google.cloud.functions.Context() {
            @Override
            public String eventId() {
                return eventId;
            }

            @Override
            public String timestamp() {
                return context.path("timestamp").asText(null);
            }

            @Override
            public String eventType() {
                return context.path("eventType").asText(null);
            }

            @Override
            public String resource() {
                return resource == null || resource.isNull() ? null : resource.toString();
            }
        };
        String data = root.get("data").toString();
        return event(eventId, () -> backgroundEntry().accept(data, legacy));
    }

    @Override
    public ProviderCall http(HttpRequest request) {
        return service(TestHttpRequest.from(request));
    }

    @Override
    public List<byte[]> queuePayloads(List<String> bodies) {
        List<byte[]> payloads = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            payloads.add(GcpEvents.pubsub(AwsEvents.messageId(i), bodies.get(i), Map.of()));
        }
        return payloads;
    }

    private ProviderCall service(TestHttpRequest request) {
        TestHttpResponse response = new TestHttpResponse();
        try {
            httpEntry().service(request, response);
        } catch (Exception | Error thrown) {
            // The framework logs the exception and answers 500 without details.
            TestHttpResponse failed = new TestHttpResponse();
            failed.setStatusCode(500);
            return new ProviderCall(failed.toBytes(), failed, HttpResponse.status(500), List.of(), thrown);
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
        return new ProviderCall(response.toBytes(), response, portable, List.of(), null);
    }

    private interface Delivery {
        void run() throws Exception;
    }

    private static ProviderCall event(String eventId, Delivery delivery) {
        TestHttpResponse response = new TestHttpResponse();
        try {
            delivery.run();
        } catch (Exception | Error thrown) {
            response.setStatusCode(500);
            return new ProviderCall(response.toBytes(), response, null, List.of(eventId), thrown);
        }
        return new ProviderCall(response.toBytes(), response, null, List.of(), null);
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
