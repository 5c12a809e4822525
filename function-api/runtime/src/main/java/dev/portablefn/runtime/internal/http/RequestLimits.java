package dev.portablefn.runtime.internal.http;

import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.Limits;
import dev.portablefn.api.http.HttpHeaders;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.QueryParameters;
import java.util.List;

/**
 * The request-shape limits of {@link Limits} every adapter applies to what it builds: how many query parameters
 * (400 over the limit) and how many header values (431) one request may carry. Each check counts what was built,
 * so it costs nothing per request; adapters that copy headers or parse the query only when the function reads them
 * check then.
 */
public final class RequestLimits {

    private RequestLimits() {
    }

    /**
     * Checks the query and headers of a request whose parts are all built.
     *
     * @param request the request, with plain values
     * @param limits  the function's limits
     * @throws InvalidInputException with status 400 for too many query parameters, 431 for too many headers
     */
    public static void check(HttpRequest request, Limits limits) {
        query(request.query(), limits);
        headers(request.headers(), limits);
    }

    /**
     * Checks the number of query parameters.
     *
     * @param query  the request's parameters
     * @param limits the function's limits
     * @return the parameters, for chaining
     * @throws InvalidInputException with status 400 when there are more than {@link Limits#maxQueryParameters()}
     */
    public static QueryParameters query(QueryParameters query, Limits limits) {
        if (query.size() > limits.maxQueryParameters()) {
            throw new InvalidInputException(400, "the query has " + query.size() + " parameters, more than the "
                    + limits.maxQueryParameters() + " accepted", List.of(), null);
        }
        return query;
    }

    /**
     * Checks the number of header values.
     *
     * @param headers the request's headers
     * @param limits  the function's limits
     * @return the headers, for chaining
     * @throws InvalidInputException with status 431 when there are more than {@link Limits#maxHeaders()}
     */
    public static HttpHeaders headers(HttpHeaders headers, Limits limits) {
        headerValues(headers.size(), limits);
        return headers;
    }

    /**
     * Checks a number of header values counted in a provider's own header map.
     *
     * @param count  how many header values the request carries
     * @param limits the function's limits
     * @throws InvalidInputException with status 431 when {@code count} is more than {@link Limits#maxHeaders()}
     */
    public static void headerValues(int count, Limits limits) {
        if (count > limits.maxHeaders()) {
            throw new InvalidInputException(431, "the request has " + count + " header values, more than the "
                    + limits.maxHeaders() + " accepted", List.of(), null);
        }
    }
}
