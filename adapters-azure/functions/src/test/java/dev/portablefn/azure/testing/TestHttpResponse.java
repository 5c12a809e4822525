package dev.portablefn.azure.testing;

import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@link HttpResponseMessage} and its {@link HttpResponseMessage.Builder}, behaving like the Azure Java
 * worker's: one value per header name (a repeated name replaces the value), any body object.
 */
public final class TestHttpResponse implements HttpResponseMessage, HttpResponseMessage.Builder {

    private HttpStatusType status = HttpStatus.OK;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Object body;

    @Override
    public HttpResponseMessage.Builder status(HttpStatusType newStatus) {
        this.status = newStatus;
        return this;
    }

    @Override
    public HttpResponseMessage.Builder header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    @Override
    public HttpResponseMessage.Builder body(Object newBody) {
        this.body = newBody;
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
        return headers.get(name);
    }

    /** @return every header as set, in order */
    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    @Override
    public Object getBody() {
        return body;
    }
}
