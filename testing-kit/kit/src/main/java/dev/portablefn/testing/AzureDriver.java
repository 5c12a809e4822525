package dev.portablefn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.azure.functions.HttpResponseMessage;
import dev.portablefn.api.Event;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.azure.AzureFunctions;
import dev.portablefn.doubles.azure.FakeExecutionContext;
import dev.portablefn.doubles.azure.FakeHttpRequestMessage;
import dev.portablefn.doubles.azure.FakeHttpResponseMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs payloads through the {@link AzureFunctions} delegations a user's {@code @FunctionName} methods call, with a
 * {@link FakeExecutionContext}: the host's invocation payload is taken apart into the binding values the Java
 * worker would pass (the HTTP request message, the queue message and its metadata, ...). The raw response is the
 * worker's invocation response as JSON: {@code result.status} {@code Success} or {@code Failure} (with the
 * exception), and for HTTP the {@code returnValue.http} status, headers and body.
 */
final class AzureDriver implements ProviderDriver {

    private final AzureFunctions azure;
    private final String functionName;
    private final AtomicLong invocations = new AtomicLong();

    AzureDriver(PortableFunction function) {
        this.azure = AzureFunctions.of(function);
        this.functionName = AwsDriver.simpleName(function.name());
    }

    @Override
    public Provider provider() {
        return Provider.AZURE;
    }

    @Override
    public ProviderCall invoke(byte[] payload) {
        JsonNode root = RawJson.tree(payload, "Azure payload");
        if (isEventGrid(root)) {
            return run(List.of(eventGridId(root)), context -> azure.eventGrid(root.toString(), context));
        }
        JsonNode data = root.get("Data");
        if (data == null || !data.isObject() || data.isEmpty()) {
            throw new IllegalArgumentException("Azure payload is neither an Event Grid event nor a Functions host invocation"
                    + " payload ({\"Data\": {...}, \"Metadata\": {...}}); build one with AzureEvents");
        }
        JsonNode metadata = root.path("Metadata");
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            JsonNode value = it.next().getValue();
            if (value.isObject() && value.has("Method") && value.has("Url")) {
                return http(request(value));
            }
        }
        JsonNode trigger = data.fields().next().getValue();
        String text = trigger.isTextual() ? trigger.textValue() : trigger.toString();
        if (metadata.has("DequeueCount")) {
            String id = metadata.path("Id").asText(null);
            return run(id == null ? List.of() : List.of(id), context -> azure.queue(text, id,
                    metadata.path("DequeueCount").asLong(1), metadata.path("InsertionTime").asText(null), context));
        }
        if (metadata.has("DeliveryCount") || metadata.has("MessageId")) {
            return serviceBus(text, metadata, false);
        }
        if (trigger.isArray() && (metadata.has("SystemPropertiesArray") || metadata.has("PartitionContext"))) {
            List<String> messages = new ArrayList<>(trigger.size());
            trigger.forEach(message -> messages.add(message.isTextual() ? message.textValue() : message.toString()));
            return run(List.of(), context -> azure.eventHubs(messages, jsonText(metadata.get("PartitionContext")),
                    jsonText(metadata.get("SystemPropertiesArray")), jsonText(metadata.get("PropertiesArray")), context));
        }
        JsonNode structured = trigger.isTextual() ? tryParse(trigger.textValue()) : trigger;
        if (structured != null && structured.isArray() && !structured.isEmpty() && structured.get(0).has("_lsn")) {
            // Cosmos DB's change feed: the custom-handler payload names the function, which AzureEvents.cosmosDb names
            // after the monitored container
            String container = metadata.path("sys").path("MethodName").asText("unknown-container");
            return run(List.of(), context -> azure.cosmosDb(container, structured.toString(), context));
        }
        if (structured != null && isEventGrid(structured)) {
            return run(List.of(eventGridId(structured)), context -> azure.eventGrid(structured.toString(), context));
        }
        if (structured != null && structured.isObject() && (structured.has("ScheduleStatus") || structured.has("IsPastDue"))) {
            return run(List.of(), context -> azure.timer(structured.toString(), context));
        }
        throw new IllegalArgumentException("FunctionTester.azure runs HTTP, Queue Storage, Service Bus, Event Grid, Timer,"
                + " Event Hubs and Cosmos DB invocation payloads; for a Blob trigger call the AzureFunctions delegation with a"
                + " FakeExecutionContext");
    }

    @Override
    public ProviderCall http(HttpRequest request) {
        return http(AzureEvents.requestMessage(request));
    }

    /** A topic subscription's message goes to the Service Bus topic delegation, as the host's topic trigger does. */
    @Override
    public ProviderCall topic(String topic, Event<?> message) {
        JsonNode root = RawJson.tree(AzureEvents.serviceBus(message), "Azure payload");
        return serviceBus(root.path("Data").path("message").asText(), root.path("Metadata"), true);
    }

    /** Runs a Service Bus trigger invocation's message through the queue or the topic subscription delegation. */
    private ProviderCall serviceBus(String text, JsonNode metadata, boolean topic) {
        String id = metadata.path("MessageId").asText(null);
        int deliveryCount = metadata.path("DeliveryCount").asInt(1);
        String enqueuedTime = metadata.path("EnqueuedTimeUtc").asText(null);
        JsonNode properties = metadata.has("ApplicationProperties") ? metadata.get("ApplicationProperties")
                : metadata.get("UserProperties");
        String propertiesJson = properties == null || properties.isNull() ? null
                : properties.isTextual() ? properties.textValue() : properties.toString();
        return run(id == null ? List.of() : List.of(id), context -> {
            if (topic) {
                azure.serviceBusTopic(text, id, deliveryCount, enqueuedTime, propertiesJson, context);
            } else {
                azure.serviceBusQueue(text, id, deliveryCount, enqueuedTime, propertiesJson, context);
            }
        });
    }

    @Override
    public List<byte[]> queuePayloads(List<String> bodies) {
        List<byte[]> payloads = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            payloads.add(AzureEvents.queue(AwsEvents.messageId(i), bodies.get(i), 1));
        }
        return payloads;
    }

    private ProviderCall http(FakeHttpRequestMessage<byte[]> request) {
        FakeExecutionContext context = context();
        HttpResponseMessage message;
        try {
            message = azure.http(request, context);
        } catch (RuntimeException | Error thrown) {
            return failed(context, List.of(), thrown);
        }
        HttpResponse portable = HttpResponse.status(message.getStatusCode());
        Map<String, String> headers = message instanceof FakeHttpResponseMessage fake ? fake.headers() : Map.of();
        String contentType = null;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                contentType = header.getValue();
            } else {
                portable = portable.header(header.getKey(), header.getValue());
            }
        }
        byte[] body = bodyBytes(message.getBody());
        if (body.length > 0 || contentType != null) {
            portable = portable.body(body, contentType);
        }
        ObjectNode response = envelope(context, "Success");
        ObjectNode http = response.putObject("returnValue").putObject("http");
        http.put("statusCode", Integer.toString(message.getStatusCode()));
        ObjectNode headerNode = http.putObject("headers");
        headers.forEach(headerNode::put);
        if (body.length > 0) {
            Optional<String> text = RawJson.utf8(body);
            ObjectNode typed = http.putObject("body");
            if (text.isPresent()) {
                typed.put("string", text.get());
            } else {
                typed.put("bytes", Base64.getEncoder().encodeToString(body));
            }
        }
        return new ProviderCall(RawJson.bytes(response), message, portable, List.of(), null);
    }

    private interface Binding {
        void call(FakeExecutionContext context);
    }

    private ProviderCall run(List<String> ids, Binding binding) {
        FakeExecutionContext context = context();
        try {
            binding.call(context);
        } catch (RuntimeException | Error thrown) {
            // The worker reports the exception; the host retries the message and finally poisons or dead-letters it.
            return failed(context, ids, thrown);
        }
        byte[] raw = RawJson.bytes(envelope(context, "Success"));
        return new ProviderCall(raw, raw, null, List.of(), null);
    }

    private static ProviderCall failed(FakeExecutionContext context, List<String> ids, Throwable thrown) {
        ObjectNode response = envelope(context, "Failure");
        ObjectNode exception = ((ObjectNode) response.get("result")).putObject("exception");
        exception.put("source", thrown.getClass().getName());
        exception.put("message", String.valueOf(thrown.getMessage()));
        byte[] raw = RawJson.bytes(response);
        return new ProviderCall(raw, raw, null, ids, thrown);
    }

    private static ObjectNode envelope(FakeExecutionContext context, String status) {
        ObjectNode response = RawJson.object();
        response.put("invocationId", context.getInvocationId());
        response.putObject("result").put("status", status);
        return response;
    }

    private FakeExecutionContext context() {
        return FakeExecutionContext.builder().functionName(functionName)
                .invocationId(String.format("00000000-0000-4000-8000-%012d", invocations.incrementAndGet())).build();
    }

    private static FakeHttpRequestMessage<byte[]> request(JsonNode request) {
        String url = request.path("Url").asText();
        JsonNode query = request.get("Query");
        if (!url.contains("?") && query != null && query.isObject() && !query.isEmpty()) {
            StringBuilder withQuery = new StringBuilder(url);
            String separator = "?";
            for (Iterator<Map.Entry<String, JsonNode>> it = query.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> parameter = it.next();
                for (String value : values(parameter.getValue())) {
                    withQuery.append(separator).append(encode(parameter.getKey())).append('=').append(encode(value));
                    separator = "&";
                }
            }
            url = withQuery.toString();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode headerNode = request.get("Headers");
        if (headerNode != null && headerNode.isObject()) {
            headerNode.fields().forEachRemaining(h -> headers.put(h.getKey(), String.join(", ", values(h.getValue()))));
        }
        JsonNode body = request.get("Body");
        byte[] bytes = body == null || body.isNull() ? null
                : (body.isTextual() ? body.textValue() : body.toString()).getBytes(StandardCharsets.UTF_8);
        return FakeHttpRequestMessage.binary(request.path("Method").asText(), url, headers, bytes);
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else if (!node.isNull()) {
            values.add(node.asText());
        }
        return values;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static boolean isEventGrid(JsonNode node) {
        JsonNode first = node.isArray() && !node.isEmpty() ? node.get(0) : node;
        return first.isObject() && !first.has("Data") && (first.has("eventType") || first.has("specversion"));
    }

    private static String eventGridId(JsonNode node) {
        JsonNode first = node.isArray() && !node.isEmpty() ? node.get(0) : node;
        return first.path("id").asText("");
    }

    /** @return metadata as the JSON text the worker binds to a {@code String} parameter, or {@code null} */
    private static String jsonText(JsonNode node) {
        return node == null || node.isNull() ? null : node.isTextual() ? node.textValue() : node.toString();
    }

    private static JsonNode tryParse(String text) {
        try {
            return RawJson.MAPPER.readTree(text);
        } catch (java.io.IOException | RuntimeException notJson) {
            return null;
        }
    }

    private static byte[] bodyBytes(Object body) {
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return dev.portablefn.runtime.json.JacksonCodec.standard().write(body);
    }
}
