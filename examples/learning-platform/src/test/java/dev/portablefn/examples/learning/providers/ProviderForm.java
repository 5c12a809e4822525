package dev.portablefn.examples.learning.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.json.JsonCodec;
import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.azure.AzureFunctions;
import dev.portablefn.gcp.GcpHttpFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Calls an HTTP function the way one provider does: raw provider payload in, through the adapter's
 * entry class, raw provider response out, read back as status, content type and body.
 */
enum ProviderForm {

    /** API Gateway HTTP API (payload 2.0) through {@link LambdaHandler}. */
    AWS {
        @Override
        Reply call(HttpFunction function, String method, String path, String body) throws IOException {
            JsonCodec codec = JsonCodec.standard();
            ObjectNode event = codec.mapper().createObjectNode();
            event.put("version", "2.0").put("routeKey", "$default").put("rawPath", path).put("rawQueryString", "");
            event.putObject("headers").put("content-type", "application/json").put("host", "api.example.com");
            ObjectNode context = event.putObject("requestContext");
            context.put("accountId", "123456789012").put("apiId", "api").put("domainName", "api.example.com")
                    .put("requestId", "req-aws").put("routeKey", "$default").put("stage", "$default")
                    .put("time", "01/Jan/2024:00:00:00 +0000").put("timeEpoch", 1704067200000L);
            context.putObject("http").put("method", method).put("path", path).put("protocol", "HTTP/1.1")
                    .put("sourceIp", "127.0.0.1").put("userAgent", "curl");
            if (body != null) {
                event.put("body", body).put("isBase64Encoded", false);
            }
            com.amazonaws.services.lambda.runtime.Context lambda = Fakes.of(com.amazonaws.services.lambda.runtime.Context.class,
                    Map.of("getAwsRequestId", a -> "req-aws", "getFunctionName", a -> "learning",
                            "getRemainingTimeInMillis", a -> 10_000,
                            "getInvokedFunctionArn", a -> "arn:aws:lambda:eu-west-1:123456789012:function:learning"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new LambdaHandler(function).handleRequest(new ByteArrayInputStream(codec.write(event)), out, lambda);
            JsonNode response = codec.readTree(out.toByteArray());
            String text = response.path("body").asText("");
            if (response.path("isBase64Encoded").asBoolean(false)) {
                text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
            }
            JsonNode headers = response.path("headers");
            String contentType = headers.path("content-type").asText(headers.path("Content-Type").asText(null));
            return new Reply(response.path("statusCode").asInt(), contentType, text);
        }
    },

    /** The Java worker's {@code HttpRequestMessage} through {@link AzureFunctions#http}. */
    AZURE {
        @Override
        @SuppressWarnings("unchecked")
        Reply call(HttpFunction function, String method, String path, String body) {
            Map<String, String> headers = Map.of("content-type", "application/json");
            HttpRequestMessage<Optional<byte[]>> request = Fakes.of(HttpRequestMessage.class, Map.of(
                    "getUri", a -> URI.create("https://learning.azurewebsites.net/api" + path),
                    "getHttpMethod", a -> HttpMethod.value(method),
                    "getHeaders", a -> headers,
                    "getQueryParameters", a -> Map.of(),
                    "getBody", a -> Optional.ofNullable(body == null ? null : body.getBytes(StandardCharsets.UTF_8)),
                    "createResponseBuilder", a -> responseBuilder((HttpStatusType) a[0])));
            ExecutionContext context = Fakes.of(ExecutionContext.class, Map.of(
                    "getInvocationId", a -> "inv-azure", "getFunctionName", a -> "learning",
                    "getLogger", a -> Logger.getLogger("azure-test")));
            HttpResponseMessage response = AzureFunctions.of(function).http(request, context);
            Object responseBody = response.getBody();
            String text = responseBody instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : responseBody == null ? "" : responseBody.toString();
            return new Reply(response.getStatusCode(), response.getHeader("Content-Type"), text);
        }

        private HttpResponseMessage.Builder responseBuilder(HttpStatusType initial) {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            Object[] state = {initial, null};
            Map<String, java.util.function.Function<Object[], Object>> answers = new HashMap<>();
            HttpResponseMessage.Builder[] self = new HttpResponseMessage.Builder[1];
            answers.put("status", a -> {
                state[0] = a[0];
                return self[0];
            });
            answers.put("header", a -> {
                headers.put((String) a[0], (String) a[1]);
                return self[0];
            });
            answers.put("body", a -> {
                state[1] = a[0];
                return self[0];
            });
            answers.put("build", a -> Fakes.of(HttpResponseMessage.class, Map.of(
                    "getStatus", b -> state[0],
                    "getStatusCode", b -> ((HttpStatusType) state[0]).value(),
                    "getHeader", b -> headers.get((String) b[0]),
                    "getBody", b -> state[1])));
            self[0] = Fakes.of(HttpResponseMessage.Builder.class, answers);
            return self[0];
        }
    },

    /** The Functions Framework's request and response through {@link GcpHttpFunction}. */
    GCP {
        @Override
        Reply call(HttpFunction function, String method, String path, String body) throws Exception {
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.put("Content-Type", List.of("application/json"));
            com.google.cloud.functions.HttpRequest request = Fakes.of(com.google.cloud.functions.HttpRequest.class, Map.of(
                    "getMethod", a -> method,
                    "getUri", a -> "https://europe-west1-project.cloudfunctions.net" + path,
                    "getPath", a -> path,
                    "getQueryParameters", a -> Map.of(),
                    "getHeaders", a -> headers,
                    "getContentType", a -> Optional.of("application/json"),
                    "getContentLength", a -> (long) bytes.length,
                    "getInputStream", a -> new ByteArrayInputStream(bytes)));
            int[] status = {200};
            Map<String, List<String>> written = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Map<String, java.util.function.Function<Object[], Object>> answers = new LinkedHashMap<>();
            answers.put("setStatusCode", a -> {
                status[0] = (Integer) a[0];
                return null;
            });
            answers.put("setContentType", a -> {
                written.put("Content-Type", new ArrayList<>(List.of((String) a[0])));
                return null;
            });
            answers.put("getContentType", a -> Optional.ofNullable(written.get("Content-Type")).map(v -> v.get(0)));
            answers.put("appendHeader", a -> {
                written.computeIfAbsent((String) a[0], k -> new ArrayList<>()).add((String) a[1]);
                return null;
            });
            answers.put("getHeaders", a -> written);
            answers.put("getOutputStream", a -> (OutputStream) out);
            com.google.cloud.functions.HttpResponse response = Fakes.of(com.google.cloud.functions.HttpResponse.class, answers);
            new GcpHttpFunction(function).service(request, response);
            List<String> type = written.get("Content-Type");
            return new Reply(status[0], type == null ? null : type.get(0), out.toString(StandardCharsets.UTF_8));
        }
    };

    /**
     * @param function the portable HTTP function
     * @param method   the HTTP method
     * @param path     the path
     * @param body     a JSON body or {@code null}
     * @return what the provider would send back
     */
    abstract Reply call(HttpFunction function, String method, String path, String body) throws Exception;

    /** The provider's response, read back. */
    record Reply(int status, String contentType, String body) {
        JsonNode json() throws IOException {
            return JsonCodec.standard().readTree(body.getBytes(StandardCharsets.UTF_8));
        }
    }
}
