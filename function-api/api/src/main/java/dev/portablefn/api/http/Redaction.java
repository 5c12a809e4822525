package dev.portablefn.api.http;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Hides secrets before anything is logged: header values such as {@code Authorization},
 * {@code Cookie}, {@code Set-Cookie} and {@code X-Api-Key}, and JSON fields the application names
 * (passwords, card numbers). {@link HttpHeaders#toString()} uses {@link #standard()}, so logging
 * headers never prints a credential.
 */
public final class Redaction {

    /** What a hidden value is replaced with. */
    public static final String MASK = "[REDACTED]";

    private static final Set<String> SENSITIVE_HEADERS = Set.of(
            "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "x-amz-security-token");

    private static final Redaction STANDARD = new Redaction(SENSITIVE_HEADERS, Set.of());

    private final Set<String> headers;
    private final Set<String> fields;

    private Redaction(Set<String> headers, Set<String> fields) {
        this.headers = Set.copyOf(headers);
        this.fields = Set.copyOf(fields);
    }

    /**
     * Gives the redaction the library logs with.
     *
     * @return redaction of the standard credential headers and no JSON fields
     */
    public static Redaction standard() {
        return STANDARD;
    }

    /**
     * Makes a copy that also hides some headers.
     *
     * @param headerNames more header names to hide, any case
     * @return a copy that also hides those headers
     */
    public Redaction withHeaders(String... headerNames) {
        Set<String> all = new HashSet<>(headers);
        for (String name : headerNames) {
            all.add(name.toLowerCase(Locale.ROOT));
        }
        return new Redaction(all, fields);
    }

    /**
     * Makes a copy that also hides some JSON fields.
     *
     * @param fieldNames JSON field names to hide wherever they occur, case-sensitive
     * @return a copy that also hides those fields
     */
    public Redaction withJsonFields(String... fieldNames) {
        Set<String> all = new HashSet<>(fields);
        all.addAll(List.of(fieldNames));
        return new Redaction(headers, all);
    }

    /**
     * Tells whether a header's values are hidden.
     *
     * @param name a header name, any case
     * @return whether its values are hidden
     */
    public boolean hidesHeader(String name) {
        return headers.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Gives headers as they may be logged.
     *
     * @param all headers to log
     * @return the same names with sensitive values replaced by {@link #MASK}
     */
    public Map<String, List<String>> headers(HttpHeaders all) {
        Map<String, List<String>> safe = new LinkedHashMap<>();
        all.asMap().forEach((name, values) -> safe.put(name, hidesHeader(name) ? List.of(MASK) : values));
        return safe;
    }

    /**
     * Tells whether a JSON field's value is hidden wherever the field appears.
     *
     * @param name a field name, matched exactly
     * @return whether values of fields with that name are replaced by {@link #MASK}
     */
    public boolean hidesJsonField(String name) {
        return fields.contains(name);
    }
}
