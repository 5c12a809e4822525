package dev.portablefn.aws;

import dev.portablefn.api.http.HttpHeaders;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.runtime.internal.ResponseCheck;

/**
 * What an HTTP response must fit to reach the client through Lambda: the encoded response (the JSON envelope
 * {@link HttpPayloads#encode} writes, binary bodies base64-encoded) at most 6 MB for API Gateway and Function URLs,
 * Lambda's limit on a synchronous response, and 1 MB behind an ALB; and behind an ALB in single-value header mode,
 * at most one {@code Set-Cookie}. Over either, Lambda or the ALB would answer the client a bare 502; the runner
 * answers a logged 500 problem instead (see {@link ResponseCheck}).
 */
final class HttpResponseLimits {

    /** Lambda's limit on a synchronous invocation's response payload. */
    static final long LAMBDA_RESPONSE_BYTES = 6L * 1024 * 1024;
    /** The ALB's limit on the response JSON a Lambda target returns ("1 MB"; read as a million bytes to be safe). */
    static final long ALB_RESPONSE_BYTES = 1_000_000;

    /** Room for the envelope around headers and body: status, description, field names, flags. */
    private static final int ENVELOPE_BYTES = 256;
    /** The most bytes one character takes in the JSON Jackson writes: a control character as {@code \}{@code u00XX}. */
    private static final int WORST_ESCAPE = 6;

    private HttpResponseLimits() {
    }

    /**
     * Gives the check for responses to one kind of request.
     *
     * @param source            where the request came from
     * @param multiValueHeaders whether it used multi-value headers (payload 1.0, ALB)
     * @return the check of what that source can carry back
     */
    static ResponseCheck of(AwsSource source, boolean multiValueHeaders) {
        boolean alb = source == AwsSource.ALB;
        long limit = alb ? ALB_RESPONSE_BYTES : LAMBDA_RESPONSE_BYTES;
        String where = alb ? "the ALB's limit on a Lambda target's response"
                : "Lambda's limit on a synchronous response";
        boolean oneCookie = alb && !multiValueHeaders;
        return response -> {
            if (oneCookie) {
                int cookies = cookies(response.headers());
                if (cookies > 1) {
                    return "the response sets " + cookies + " cookies, but an ALB in single-value header mode carries"
                            + " one Set-Cookie header (it would keep one and drop the rest); turn on multi-value headers"
                            + " for the target group (lambda.multi_value_headers.enabled) or set one cookie";
                }
            }
            long size = encodedSize(response, limit);
            if (size > limit) {
                return "the encoded response is " + size + " bytes"
                        + (response.isBinary() ? " (the body base64-encoded)" : "") + ", over " + where + " of " + limit + " bytes; return a smaller body, such as a link to the"
                        + " content in object storage";
            }
            return null;
        };
    }

    /**
     * Measures the response as {@link HttpPayloads#encode} writes it, exactly enough to compare with {@code limit}: a
     * cheap upper bound when that is under the limit, else the JSON-escaped size of each part.
     *
     * @return the encoded size in bytes, or an upper bound of it that is at most {@code limit}
     */
    static long encodedSize(HttpResponse response, long limit) {
        HttpHeaders headers = response.headers();
        boolean binary = response.isBinary();
        long headerChars = 0;
        for (int i = 0; i < headers.size(); i++) {
            headerChars += headers.name(i).length() + headers.value(i).length() + 6;   // quotes, colon, comma
        }
        // Cookies may be written twice (single-value API Gateway payload 1.0 sends them in both header maps).
        long headerBound = 2 * WORST_ESCAPE * headerChars;
        long body = binary ? 4L * ((response.bodyLength() + 2) / 3)
                : (long) WORST_ESCAPE * response.bodyLength();
        if (ENVELOPE_BYTES + headerBound + body <= limit) {
            return ENVELOPE_BYTES + headerBound + body;
        }
        long headerBytes = 0;
        for (int i = 0; i < headers.size(); i++) {
            long pair = escapedLength(headers.name(i)) + escapedLength(headers.value(i)) + 6;
            headerBytes += headers.name(i).equals("set-cookie") ? 2 * pair : pair;
        }
        if (!binary) {
            body = escapedLength(response.bodyAsString());
        }
        return ENVELOPE_BYTES + headerBytes + body;
    }

    /** The UTF-8 length of text as a JSON string body, with Jackson's default escapes. */
    static long escapedLength(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                bytes += c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r' ? 2 : 6;
            } else if (c == '"' || c == '\\') {
                bytes += 2;
            } else if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800 || Character.isSurrogate(c)) {
                bytes += 2;   // a surrogate pair is four bytes, two per char
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static int cookies(HttpHeaders headers) {
        int cookies = 0;
        for (int i = 0; i < headers.size(); i++) {
            if (headers.name(i).equals("set-cookie")) {
                cookies++;
            }
        }
        return cookies;
    }
}
