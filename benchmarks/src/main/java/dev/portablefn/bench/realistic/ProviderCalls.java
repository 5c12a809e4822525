package dev.portablefn.bench.realistic;

import com.amazonaws.services.lambda.runtime.Context;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import dev.portablefn.bench.fakes.FakeAzureRequest;
import dev.portablefn.bench.fakes.FakeCloudEvent;
import dev.portablefn.bench.fakes.FakeExecutionContext;
import dev.portablefn.bench.fakes.FakeGcpRequest;
import dev.portablefn.bench.fakes.FakeGcpResponse;
import dev.portablefn.bench.fakes.FakeLambdaContext;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the realistic benchmark and its equivalence test hand to functions, the way each provider's runtime hands it
 * over: contexts, requests and events on the benchmark's provider doubles ({@code dev.portablefn.bench.fakes}), which
 * are named here and nowhere else in the realistic benchmark.
 */
public final class ProviderCalls {

    /** API Gateway HTTP API (payload 2.0) {@code POST /orders/c-1042} on the {@code $default} route, with a JSON order. */
    public static final String AWS_HTTP_API_V2 = "/events/aws/apigw-v2-customer-order.json";
    /** The path every realistic HTTP benchmark posts its order to. */
    public static final String ORDER_PATH = "/orders/c-1042";
    /** The {@code Id} of the Azure queue message. */
    public static final String AZURE_MESSAGE_ID = "9f2c1e4a-6b7d-4e8f-a1b2-c3d4e5f60718";

    private static final String AZURE_ORIGIN = "https://orders.azurewebsites.net/api";

    private ProviderCalls() {
    }

    /** @return Lambda's context of an invocation, with the current AWS benchmark's request id */
    public static Context lambdaContext() {
        return new FakeLambdaContext("8f5e3c1a-6a43-4f7e-9d0e-1b2c3d4e5f60");
    }

    /** @return the Azure worker's context of an invocation, with the current Azure benchmark's invocation id */
    public static ExecutionContext azureContext() {
        return new FakeExecutionContext("5b2e6a7c-0d3f-4b8e-9a1c-2f3e4d5c6b7a");
    }

    /**
     * @param messagePublishedData the Pub/Sub {@code MessagePublishedData} JSON
     * @return the CloudEvent the Functions Framework builds from a push of it
     */
    public static CloudEvent pubsubEvent(byte[] messagePublishedData) {
        return new FakeCloudEvent("1234567890", messagePublishedData);
    }

    /** @return a Functions Framework response that keeps what is written to it */
    public static com.google.cloud.functions.HttpResponse gcpResponse() {
        return new FakeGcpResponse();
    }

    /**
     * What an HTTP answer carried, read back the same way whichever provider's response it came in, so the
     * equivalence test can compare a portable answer with its baseline's.
     *
     * @param status      the status code
     * @param contentType the {@code Content-Type}, or {@code null}
     * @param allow       the {@code Allow} header, or {@code null}
     * @param body        the body as text
     */
    public record Answer(int status, String contentType, String allow, String body) {

        /** @param response a response from {@link #gcpResponse()} @return what it carries */
        public static Answer of(com.google.cloud.functions.HttpResponse response) {
            FakeGcpResponse written = (FakeGcpResponse) response;
            String allow = null;
            for (Map.Entry<String, List<String>> header : written.getHeaders().entrySet()) {
                if (header.getKey().equalsIgnoreCase("Allow")) {
                    allow = String.join(", ", header.getValue());
                }
            }
            return new Answer(written.status(), written.getContentType().orElse(null), allow,
                    new String(written.body(), StandardCharsets.UTF_8));
        }

        /** @param response an Azure worker response @return what it carries */
        public static Answer of(HttpResponseMessage response) {
            Object body = response.getBody();
            return new Answer(response.getStatusCode(), response.getHeader("Content-Type"), response.getHeader("Allow"),
                    body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body));
        }
    }

    /** Builds Functions Framework requests of one method and path: headers parsed once, as the server does. */
    public static final class GcpRequests {
        private final String method;
        private final String path;
        private final FakeGcpRequest.Fields fields;

        /**
         * @param method  the HTTP method
         * @param path    the request path
         * @param headers the headers every request carries
         */
        public GcpRequests(String method, String path, Map<String, List<String>> headers) {
            this.method = method;
            this.path = path;
            this.fields = FakeGcpRequest.Fields.parse(headers);
        }

        /** @param body the request body @return a new request, as the invoker builds one per call */
        public com.google.cloud.functions.HttpRequest next(byte[] body) {
            return new FakeGcpRequest(method, path, fields, body);
        }
    }

    /** Builds Azure HTTP trigger requests of one method and path (after the host's {@code /api} prefix). */
    public static final class AzureRequests {
        private final String method;
        private final String url;
        private final Map<String, String> headers;

        /**
         * @param method  the HTTP method
         * @param path    the path after the route prefix, such as {@link #ORDER_PATH}
         * @param headers the headers every request carries, names lower-cased as the host passes them
         */
        public AzureRequests(String method, String path, Map<String, String> headers) {
            this.method = method;
            this.url = AZURE_ORIGIN + path;
            this.headers = headers;
        }

        /** @param body the body text @return a new request, as the worker builds one per call */
        public HttpRequestMessage<Optional<String>> next(String body) {
            return new RoutedAzureRequest(method, url, new FakeAzureRequest(headers, body));
        }
    }

    /**
     * The worker's request at a URL and method of our choosing: {@link FakeAzureRequest} always posts to
     * {@code /api/orders}, and a routed function needs a path parameter. Like the worker, it parses the URL and
     * looks the method up on every call; everything else is the double's.
     */
    private static final class RoutedAzureRequest implements HttpRequestMessage<Optional<String>> {
        private final String method;
        private final String url;
        private final FakeAzureRequest request;

        RoutedAzureRequest(String method, String url, FakeAzureRequest request) {
            this.method = method;
            this.url = url;
            this.request = request;
        }

        @Override
        public URI getUri() {
            return URI.create(url);
        }

        @Override
        public HttpMethod getHttpMethod() {
            return HttpMethod.value(method);
        }

        @Override
        public Map<String, String> getHeaders() {
            return request.getHeaders();
        }

        @Override
        public Map<String, String> getQueryParameters() {
            return request.getQueryParameters();
        }

        @Override
        public Optional<String> getBody() {
            return request.getBody();
        }

        @Override
        public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
            return request.createResponseBuilder(status);
        }

        @Override
        public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
            return request.createResponseBuilder(status);
        }
    }
}
