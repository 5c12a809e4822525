package dev.portablefn.azure;

import com.microsoft.azure.functions.HttpRequestMessage;
import dev.portablefn.api.Limits;
import dev.portablefn.api.http.HttpHeaders;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.QueryParameters;
import dev.portablefn.runtime.internal.http.DeferredHttpRequest;
import dev.portablefn.runtime.internal.http.RequestLimits;

/**
 * A Java worker's HTTP request whose method, path and query are worked out the first time the function reads one
 * of them, and whose headers are copied the first time it reads one other than {@code Content-Type}: the worker
 * looks the method up on every {@code getHttpMethod()} call and parses its URL string into a new {@code URI} on
 * every {@code getUri()} call, and a function that neither routes nor reads them (one that binds its body and
 * answers) should not pay for that. The body and the content type are read when the request is made. A missing
 * method or URI is reported when it is read.
 */
final class AzureHttpRequest extends DeferredHttpRequest {

    private final HttpRequestMessage<?> message;
    private final String routePrefix;
    private final Limits limits;
    /**
     * The method, path, raw path and query, {@code null} until first read. Filled without locking: racing threads
     * each work out an equal line from the same message, and it publishes safely through its final fields.
     */
    private HttpRequest requestLine;

    AzureHttpRequest(HttpRequest withContentType, HttpRequestMessage<?> message, String routePrefix, Limits limits) {
        super(withContentType);
        this.message = message;
        this.routePrefix = routePrefix;
        this.limits = limits;
    }

    /** @throws dev.portablefn.api.InvalidInputException (400) when the query has more parameters than the limit */
    private HttpRequest requestLine() {
        HttpRequest known = requestLine;
        if (known == null) {
            known = AzureHttp.requestLine(message, routePrefix);
            RequestLimits.query(known.query(), limits);
            requestLine = known;
        }
        return known;
    }

    /** @throws dev.portablefn.api.InvalidInputException (431) when the request has more headers than the limit */
    @Override
    protected HttpHeaders readHeaders() {
        return RequestLimits.headers(AzureHttp.headers(message.getHeaders()), limits);
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
