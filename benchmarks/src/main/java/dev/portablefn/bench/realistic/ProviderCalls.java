package dev.portablefn.bench.realistic;

import com.amazonaws.services.lambda.runtime.Context;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import dev.portablefn.bench.Payloads;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import dev.portablefn.doubles.azure.FakeHttpRequestMessage;
import dev.portablefn.doubles.gcp.FakeCloudEvent;
import dev.portablefn.doubles.gcp.FakeHttpRequest;
import dev.portablefn.doubles.gcp.FakeHttpResponse;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the realistic benchmark and its equivalence test hand to functions, the way each provider's runtime hands it
 * over: contexts, requests and events on the shared provider doubles ({@code portablefn-provider-doubles}), which are
 * named here and nowhere else in the realistic benchmark.
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
        return FakeLambdaContext.of("8f5e3c1a-6a43-4f7e-9d0e-1b2c3d4e5f60", "orders", 30_000);
    }

    /** @return the Azure worker's context of an invocation, with the current Azure benchmark's invocation id */
    public static ExecutionContext azureContext() {
        return Payloads.executionContext("5b2e6a7c-0d3f-4b8e-9a1c-2f3e4d5c6b7a");
    }

    /**
     * @param messagePublishedData the Pub/Sub {@code MessagePublishedData} JSON
     * @return the CloudEvent the Functions Framework builds from a push of it
     */
    public static CloudEvent pubsubEvent(byte[] messagePublishedData) {
        return FakeCloudEvent.builder().id("1234567890").source("//pubsub.googleapis.com/projects/my-project/topics/orders")
                .type("google.cloud.pubsub.topic.v1.messagePublished").dataContentType("application/json")
                .time(OffsetDateTime.parse("2021-02-05T04:06:14.109Z")).data(messagePublishedData).build();
    }

    /** @return a Functions Framework response that keeps what is written to it */
    public static com.google.cloud.functions.HttpResponse gcpResponse() {
        return new FakeHttpResponse();
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
            FakeHttpResponse written = (FakeHttpResponse) response;
            String allow = null;
            for (Map.Entry<String, List<String>> header : written.getHeaders().entrySet()) {
                if (header.getKey().equalsIgnoreCase("Allow")) {
                    allow = String.join(", ", header.getValue());
                }
            }
            return new Answer(written.statusCode(), written.getContentType().orElse(null), allow,
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
        private final FakeHttpRequest.HeaderFields fields;

        /**
         * @param method  the HTTP method
         * @param path    the request path
         * @param headers the headers every request carries
         */
        public GcpRequests(String method, String path, Map<String, List<String>> headers) {
            this.method = method;
            this.path = path;
            this.fields = FakeHttpRequest.HeaderFields.of(headers);
        }

        /** @param body the request body @return a new request, as the invoker builds one per call */
        public com.google.cloud.functions.HttpRequest next(byte[] body) {
            return FakeHttpRequest.of(method, path, fields, body);
        }
    }

    /** Builds Azure HTTP trigger requests of one method and path (after the host's {@code /api} prefix). */
    public static final class AzureRequests {
        private final FakeHttpRequestMessage.HostRequest host;

        /**
         * Prepares what the host sends for each request.
         *
         * @param method  the HTTP method
         * @param path    the path after the route prefix, such as {@link #ORDER_PATH}
         * @param headers the headers every request carries, names lower-cased as the host passes them
         */
        public AzureRequests(String method, String path, Map<String, String> headers) {
            this.host = FakeHttpRequestMessage.HostRequest.of(method, AZURE_ORIGIN + path, headers);
        }

        /**
         * Binds the next request over the host's, as the worker does per call.
         *
         * @param body the body text
         * @return a new request message; like the worker's, it parses its URL and looks its method up on every call
         */
        public HttpRequestMessage<Optional<String>> next(String body) {
            return FakeHttpRequestMessage.bind(host, body);
        }
    }
}
