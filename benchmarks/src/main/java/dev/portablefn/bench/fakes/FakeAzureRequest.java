package dev.portablefn.bench.fakes;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP trigger request as the Java worker binds it ({@code Optional<String>} body), with an in-memory response builder.
 * Like the worker's {@code HttpRequestMessageImpl}, it parses the URL and looks the method up on every call.
 */
public final class FakeAzureRequest implements HttpRequestMessage<Optional<String>> {

    private static final String URL = "https://orders.azurewebsites.net/api/orders";

    private final Map<String, String> headers;
    private final String body;

    /**
     * @param headers the headers
     * @param body    the body text
     */
    public FakeAzureRequest(Map<String, String> headers, String body) {
        this.headers = headers;
        this.body = body;
    }

    @Override
    public URI getUri() {
        return URI.create(URL);   // the worker parses the request's URL string on every call
    }

    @Override
    public HttpMethod getHttpMethod() {
        return HttpMethod.value("POST");   // the worker looks the method's name up on every call
    }

    @Override
    public Map<String, String> getHeaders() {
        return headers;
    }

    @Override
    public Map<String, String> getQueryParameters() {
        return Map.of();
    }

    @Override
    public Optional<String> getBody() {
        return Optional.of(body);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
        return new Response(status);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
        return new Response(status);
    }

    /** The worker's response: status, headers, body object. */
    public static final class Response implements HttpResponseMessage, HttpResponseMessage.Builder {
        private final Map<String, String> headers = new HashMap<>();
        private HttpStatusType status;
        private Object body;

        Response(HttpStatusType status) {
            this.status = status;
        }

        @Override
        public HttpResponseMessage.Builder status(HttpStatusType newStatus) {
            status = newStatus;
            return this;
        }

        @Override
        public HttpResponseMessage.Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        @Override
        public HttpResponseMessage.Builder body(Object newBody) {
            body = newBody;
            return this;
        }

        @Override
        public HttpResponseMessage build() {
            return this;
        }

        @Override
        public HttpStatusType getStatus() {
            return status;
        }

        @Override
        public String getHeader(String name) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
            return null;
        }

        @Override
        public Object getBody() {
            return body;
        }
    }
}
