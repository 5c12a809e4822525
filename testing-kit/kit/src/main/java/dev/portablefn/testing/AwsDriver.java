package dev.portablefn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.aws.AwsDecoder;
import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import dev.portablefn.runtime.internal.Decoded;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Runs payloads through {@link LambdaHandler#handleRequest} with a {@link FakeLambdaContext}. */
final class AwsDriver implements ProviderDriver {

    private final LambdaHandler handler;
    private final String functionName;
    private final AtomicLong requests = new AtomicLong();

    AwsDriver(PortableFunction function) {
        this.handler = new LambdaHandler(function);
        this.functionName = function.name();
    }

    @Override
    public Provider provider() {
        return Provider.AWS;
    }

    @Override
    public ProviderCall invoke(byte[] payload) {
        FakeLambdaContext context = FakeLambdaContext.builder().functionName(simpleName(functionName))
                .requestId("test-request-" + requests.incrementAndGet()).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(payload), out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error thrown) {
            // Lambda records the invocation as failed and, for asynchronous sources, retries it.
            byte[] error = ProviderDriver.errorJson(thrown);
            return new ProviderCall(error, error, null, eventIds(payload), thrown);
        }
        byte[] raw = out.toByteArray();
        return parse(raw);
    }

    @Override
    public ProviderCall http(HttpRequest request) {
        return invoke(AwsHttpEvents.apiGatewayV2(request));
    }

    @Override
    public ProviderCall topic(String topic, Event<?> message) {
        return invoke(AwsEvents.sns(topic, message));
    }

    @Override
    public List<byte[]> queuePayloads(List<String> bodies) {
        return List.of(AwsEvents.sqs(bodies));
    }

    static ProviderCall parse(byte[] raw) {
        if (raw.length == 0) {
            return new ProviderCall(raw, raw, null, List.of(), null);
        }
        JsonNode root = RawJson.tree(raw, "Lambda handler output");
        List<String> failed = new ArrayList<>();
        JsonNode failures = root.get("batchItemFailures");
        if (failures != null && failures.isArray()) {
            failures.forEach(item -> failed.add(item.path("itemIdentifier").asText()));
        }
        HttpResponse http = root.has("statusCode") ? httpResponse(root) : null;
        return new ProviderCall(raw, raw, http, failed, null);
    }

    /** Reads an API Gateway (1.0 and 2.0), Function URL or ALB response back into a portable one. */
    static HttpResponse httpResponse(JsonNode root) {
        HttpResponse response = HttpResponse.status(root.path("statusCode").asInt());
        String contentType = null;
        JsonNode multi = root.get("multiValueHeaders");
        if (multi != null && multi.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = multi.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> header = it.next();
                for (JsonNode value : header.getValue()) {
                    response = response.header(header.getKey(), value.asText());
                }
            }
        }
        JsonNode headers = root.get("headers");
        if (headers != null && headers.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> header = it.next();
                if (multi == null || !multi.has(header.getKey())) {
                    response = response.header(header.getKey(), header.getValue().asText());
                }
            }
        }
        JsonNode cookies = root.get("cookies");
        if (cookies != null && cookies.isArray()) {
            for (JsonNode cookie : cookies) {
                response = response.header("Set-Cookie", cookie.asText());
            }
        }
        contentType = response.header("Content-Type").orElse(null);
        JsonNode body = root.get("body");
        if (body != null && !body.isNull()) {
            byte[] bytes = root.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body.asText())
                    : body.asText().getBytes(StandardCharsets.UTF_8);
            response = response.body(bytes, contentType);
        }
        return response;
    }

    private static List<String> eventIds(byte[] payload) {
        try {
            Decoded decoded = new AwsDecoder().decode(payload);
            if (decoded instanceof Decoded.Events events) {
                return events.events().stream().map(Event::id).toList();
            }
        } catch (RuntimeException undecodable) {
            // The handler already failed on it; there are no ids to report.
        }
        return List.of();
    }

    static String simpleName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
