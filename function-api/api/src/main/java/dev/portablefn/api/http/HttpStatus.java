package dev.portablefn.api.http;

/**
 * Standard reason phrases for HTTP status codes, for adapters whose provider wants a status line
 * (such as ALB's {@code statusDescription}) and for {@link Problem} titles.
 */
public final class HttpStatus {

    private HttpStatus() {
    }

    /**
     * Gives the reason phrase of a status code.
     *
     * @param status an HTTP status code
     * @return its reason phrase per RFC 9110, such as {@code "Not Found"} for 404; for codes without a
     *         listed phrase, {@code "Client Error"} (4xx), {@code "Server Error"} (5xx) or {@code "Status <code>"}
     */
    public static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status >= 500 ? "Server Error" : status >= 400 ? "Client Error" : "Status " + status;
        };
    }
}
