package dev.portablefn.azure;

import com.microsoft.azure.functions.HttpRequestMessage;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.QueryParameters;
import dev.portablefn.runtime.internal.http.ForwardingHttpRequest;

/**
 * A Java worker's HTTP request whose method, path and query are worked out the first time the function reads one
 * of them: the worker looks the method up on every {@code getHttpMethod()} call and parses its URL string into a
 * new {@code URI} on every {@code getUri()} call, and a function that neither routes nor reads them (one that binds
 * its body and answers) should not pay for that. Headers and body are read when the request is made. A missing
 * method or URI is reported when it is read.
 */
final class AzureHttpRequest extends ForwardingHttpRequest {

    private final HttpRequestMessage<?> message;
    private final String routePrefix;
    /**
     * The method, path, raw path and query, {@code null} until first read. Filled without locking: racing threads
     * each work out an equal line from the same message, and it publishes safely through its final fields.
     */
    private HttpRequest requestLine;

    AzureHttpRequest(HttpRequest headersAndBody, HttpRequestMessage<?> message, String routePrefix) {
        super(headersAndBody);
        this.message = message;
        this.routePrefix = routePrefix;
    }

    private HttpRequest requestLine() {
        HttpRequest known = requestLine;
        if (known == null) {
            known = AzureHttp.requestLine(message, routePrefix);
            requestLine = known;
        }
        return known;
    }

    @Override
    public String method() {
        return requestLine().method();
    }

    @Override
    public String path() {
        return requestLine().path();
    }

    @Override
    public String rawPath() {
        return requestLine().rawPath();
    }

    @Override
    public QueryParameters query() {
        return requestLine().query();
    }
}
