package dev.portablefn.bench.baseline;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The hand-written routing of the realistic baselines: {@code POST /orders/{customerId}} matched on the path by
 * hand, the customer id taken out and percent-decoded, as a developer writes it without a router.
 */
public final class BaselineRoute {

    /** The method the route answers. */
    public static final String METHOD = "POST";
    /** What a 405 answer's {@code Allow} header lists. */
    public static final String ALLOWED = "OPTIONS, POST";

    private static final String ORDERS = "/orders/";

    private BaselineRoute() {
    }

    /**
     * @param rawPath the request path as sent (percent-encoded)
     * @return the customer id if the path is {@code /orders/{customerId}} (trailing slashes aside), else {@code null}
     */
    public static String customerId(String rawPath) {
        if (rawPath == null || !rawPath.startsWith(ORDERS)) {
            return null;
        }
        int end = rawPath.length();
        while (end > ORDERS.length() && rawPath.charAt(end - 1) == '/') {
            end--;
        }
        int slash = rawPath.indexOf('/', ORDERS.length());
        if (end == ORDERS.length() || (slash >= 0 && slash < end)) {
            return null;
        }
        String segment = rawPath.substring(ORDERS.length(), end);
        // A path is not a form: '+' stays a plus.
        return segment.indexOf('%') < 0 ? segment : URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
