package dev.portablefn.runtime.internal.http;

import dev.portablefn.api.http.QueryParameters;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding for paths, query strings and provider fields that arrive URL-encoded (S3 object
 * keys, for one). Malformed escapes are kept as literal text rather than failing the request.
 */
public final class UrlDecoding {

    private UrlDecoding() {
    }

    /**
     * Decodes a path or path segment: {@code %XX} escapes only; {@code +} stays a plus.
     *
     * @param value the encoded text, may be {@code null}
     * @return the decoded text, {@code null} for {@code null}
     */
    public static String decodePath(String value) {
        return decode(value, false);
    }

    /**
     * Decodes form or query encoding: {@code %XX} escapes, and {@code +} as a space.
     *
     * @param value the encoded text, may be {@code null}
     * @return the decoded text, {@code null} for {@code null}
     */
    public static String decodeForm(String value) {
        return decode(value, true);
    }

    /**
     * Parses a raw query string such as {@code a=1&b=x+y&a=2} (without the leading {@code ?}).
     *
     * @param rawQuery the query string, may be {@code null} or empty
     * @return the decoded, multi-valued parameters
     */
    public static QueryParameters parseQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return QueryParameters.empty();
        }
        QueryParameters.Builder parameters = QueryParameters.builder();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeForm(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeForm(pair.substring(eq + 1));
            if (!name.isEmpty()) {
                parameters.add(name, value);
            }
        }
        return parameters.build();
    }

    private static String decode(String value, boolean plusIsSpace) {
        if (value == null || (value.indexOf('%') < 0 && (!plusIsSpace || value.indexOf('+') < 0))) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && hex(value.charAt(i + 1)) >= 0 && hex(value.charAt(i + 2)) >= 0) {
                bytes.write(hex(value.charAt(i + 1)) * 16 + hex(value.charAt(i + 2)));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
                    encoded = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
