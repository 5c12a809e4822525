package dev.portablefn.doubles.azure;

import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatusType;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link HttpResponseMessage} a {@link FakeHttpRequestMessage} makes: like the Java worker's, one object is both
 * the {@link HttpResponseMessage.Builder} and the message it builds, keeping the status, one value per header name
 * and the body object as the function set them. Not thread-safe: one invocation builds its response on one thread.
 */
public final class FakeHttpResponseMessage implements HttpResponseMessage, HttpResponseMessage.Builder {

    private final Map<String, String> headers = new HashMap<>();
    private HttpStatusType status;
    private Object body;

    FakeHttpResponseMessage(HttpStatusType status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    /**
     * Sets the status.
     *
     * @param newStatus the status, possibly a custom one
     * @return this response
     */
    @Override
    public FakeHttpResponseMessage status(HttpStatusType newStatus) {
        this.status = Objects.requireNonNull(newStatus, "status");
        return this;
    }

    /**
     * Sets a header; a name set again, in any case, keeps only the last value.
     *
     * @param name  the header name
     * @param value the value
     * @return this response
     */
    @Override
    public FakeHttpResponseMessage header(String name, String value) {
        Objects.requireNonNull(name, "name");
        // Scanned only when another spelling of the name may be there; the usual first header is a plain put.
        if (!headers.isEmpty() && !headers.containsKey(name)) {
            for (Iterator<String> names = headers.keySet().iterator(); names.hasNext(); ) {
                if (names.next().equalsIgnoreCase(name)) {
                    names.remove();
                }
            }
        }
        headers.put(name, value);
        return this;
    }

    /**
     * Sets the body.
     *
     * @param newBody the body object, passed to the host as it is
     * @return this response
     */
    @Override
    public FakeHttpResponseMessage body(Object newBody) {
        this.body = newBody;
        return this;
    }

    /**
     * Ends building; the worker's builder is its own message.
     *
     * @return this response
     */
    @Override
    public FakeHttpResponseMessage build() {
        return this;
    }

    /**
     * Tells the status.
     *
     * @return the status
     */
    @Override
    public HttpStatusType getStatus() {
        return status;
    }

    /**
     * Reads a header.
     *
     * @param name the header name, in any case
     * @return its value, or {@code null} when it was not set
     */
    @Override
    public String getHeader(String name) {
        String exact = headers.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /**
     * Gives every header.
     *
     * @return the headers with their names as set, unmodifiable
     */
    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    /**
     * Gives the body.
     *
     * @return the body object as set, or {@code null}
     */
    @Override
    public Object getBody() {
        return body;
    }

    /**
     * Describes this double briefly.
     *
     * @return the status code, for test failure messages
     */
    @Override
    public String toString() {
        return "FakeHttpResponseMessage{" + status.value() + "}";
    }
}
