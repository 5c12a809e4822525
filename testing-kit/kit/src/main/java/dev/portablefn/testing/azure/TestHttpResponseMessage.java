package dev.portablefn.testing.azure;

import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatusType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link HttpResponseMessage} (and its {@link Builder}) a {@link TestHttpRequestMessage} creates: status,
 * headers (one value per name, looked up case-insensitively) and the body object as the function set it.
 */
public final class TestHttpResponseMessage implements HttpResponseMessage {

    private final HttpStatusType status;
    private final Map<String, String> headers;
    private final Object body;

    private TestHttpResponseMessage(HttpStatusType status, Map<String, String> headers, Object body) {
        this.status = status;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body;
    }

    /**
     * @param status the initial status
     * @return a response builder, as {@code HttpRequestMessage.createResponseBuilder} returns
     */
    public static Builder builder(HttpStatusType status) {
        return new Builder(Objects.requireNonNull(status, "status"));
    }

    @Override
    public HttpStatusType getStatus() {
        return status;
    }

    @Override
    public int getStatusCode() {
        return status.value();
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

    /** @return every header, in the order set, with names as set */
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public Object getBody() {
        return body;
    }

    @Override
    public String toString() {
        return "TestHttpResponseMessage{" + status.value() + "}";
    }

    /** Builds a {@link TestHttpResponseMessage}; a header set twice keeps the last value, as in the worker. */
    public static final class Builder implements HttpResponseMessage.Builder {
        private HttpStatusType status;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Object body;

        private Builder(HttpStatusType status) {
            this.status = status;
        }

        @Override
        public Builder status(HttpStatusType newStatus) {
            this.status = Objects.requireNonNull(newStatus, "status");
            return this;
        }

        @Override
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            headers.keySet().removeIf(existing -> existing.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
            headers.put(name, value);
            return this;
        }

        @Override
        public Builder body(Object newBody) {
            this.body = newBody;
            return this;
        }

        @Override
        public TestHttpResponseMessage build() {
            return new TestHttpResponseMessage(status, headers, body);
        }
    }
}
