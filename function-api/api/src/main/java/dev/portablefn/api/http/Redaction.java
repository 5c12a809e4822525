package dev.portablefn.api.http;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes what is logged safe: hides secrets, such as the values of credential headers and of JSON fields the
 * application names (passwords, card numbers), and keeps untrusted text on one log line ({@link #forLog}).
 * {@link HttpHeaders#toString()} uses {@link #standard()}, so logging headers never prints a credential.
 *
 * <p>The standard redaction hides these headers' values:
 * <ul>
 *   <li>{@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie};</li>
 *   <li>provider credentials: {@code X-Amz-Security-Token}, {@code X-Amzn-Oidc-Accesstoken}, {@code X-Amzn-Oidc-Data}
 *       (ALB authentication), {@code X-Functions-Key}, {@code X-Ms-Token-Aad-*} and {@code X-Ms-Client-Principal*}
 *       (Azure), {@code X-Goog-Iap-Jwt-Assertion}, {@code X-Goog-Api-Key}, {@code X-Serverless-Authorization} (Google
 *       Cloud);</li>
 *   <li>any header whose name contains {@code token}, {@code secret}, {@code key}, {@code auth} or {@code password},
 *       such as {@code X-Api-Key} or {@code X-Auth-Token}.</li>
 * </ul>
 */
public final class Redaction {

    /** What a hidden value is replaced with. */
    public static final String MASK = "[REDACTED]";

    private static final Set<String> SENSITIVE_HEADERS = Set.of(
            "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "x-amz-security-token",
            "x-amzn-oidc-accesstoken", "x-amzn-oidc-data", "x-functions-key", "x-ms-client-principal",
            "x-goog-iap-jwt-assertion", "x-goog-api-key", "x-serverless-authorization");

    /** Parts of a header name that mark its value as a credential, matched anywhere in the lower-case name. */
    private static final List<String> SENSITIVE_NAME_PARTS = List.of("token", "secret", "key", "auth", "password");

    /** Prefixes of header families that carry credentials or identity (Azure App Service authentication). */
    private static final List<String> SENSITIVE_NAME_PREFIXES = List.of("x-ms-token-aad-", "x-ms-client-principal");

    private static final Redaction STANDARD = new Redaction(SENSITIVE_HEADERS, Set.of());

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Set<String> headers;
    private final Set<String> fields;

    private Redaction(Set<String> headers, Set<String> fields) {
        this.headers = Set.copyOf(headers);
        this.fields = Set.copyOf(fields);
    }

    /**
     * Gives the redaction the library logs with.
     *
     * @return redaction of the standard credential headers (see the class description) and no JSON fields
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
     * Tells whether a header's values are hidden: a header named to this redaction, or one whose name marks a
     * credential (see the class description).
     *
     * @param name a header name, any case
     * @return whether its values are hidden
     */
    public boolean hidesHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return headers.contains(lower) || marksCredential(lower);
    }

    /**
     * Tells whether a name of any kind (a header, a JSON field, a parameter) marks its value as a credential by the
     * standard name patterns: it contains {@code token}, {@code secret}, {@code key}, {@code auth} or
     * {@code password} in any case, or starts like Azure's authentication headers. Failure messages that quote an
     * input value leave the value out when its name does.
     *
     * @param name a name, any case
     * @return whether values under that name are treated as secrets
     */
    public static boolean marksCredential(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String part : SENSITIVE_NAME_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        for (String prefix : SENSITIVE_NAME_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Gives headers as they may be logged.
     *
     * @param all headers to log
     * @return the same names with sensitive values replaced by {@link #MASK} and control characters in the others
     *         escaped (see {@link #forLog})
     */
    public Map<String, List<String>> headers(HttpHeaders all) {
        Map<String, List<String>> safe = new LinkedHashMap<>();
        all.asMap().forEach((name, values) -> safe.put(forLog(name, Integer.MAX_VALUE), hidesHeader(name)
                ? List.of(MASK) : values.stream().map(value -> forLog(value, Integer.MAX_VALUE)).toList()));
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

    /**
     * Hides the credentials free text quotes: a provider's error message, a connection string, a signed URL, a log
     * message. A value after {@code AccountKey}, {@code SharedAccessSignature}, {@code sig}, {@code X-Amz-Signature},
     * {@code X-Amz-Credential}, {@code X-Amz-Security-Token}, {@code access_token}, {@code Authorization} (with its
     * {@code Bearer}/{@code Basic}/{@code SharedKey} scheme kept), {@code password} or {@code secret} and a
     * {@code =} or {@code :} is replaced by {@link #MASK}.
     *
     * @param text the text; may be {@code null}
     * @return the text with every such value hidden, or {@code null} for {@code null}
     */
    public static String hideSecrets(String text) {
        return text == null ? null : Secrets.PATTERN.matcher(text).replaceAll("$1$2$3" + MASK);
    }

    /**
     * Makes untrusted text (a path, a header value, a message quoting input) fit to log: control characters are
     * escaped ({@code \n}, {@code \r}, {@code \t}, others as {@code \}{@code uXXXX}, and a backslash doubled), so a
     * request cannot end a log line and forge the next one, and long text is cut.
     *
     * @param text      the text, or {@code null}
     * @param maxLength the most characters of {@code text} to keep; {@code ...} marks a cut
     * @return the text as it may be logged; {@code "null"} for {@code null}
     */
    public static String forLog(String text, int maxLength) {
        if (text == null) {
            return "null";
        }
        int length = Math.min(text.length(), maxLength);
        int first = 0;
        while (first < length && !needsEscape(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;   // the usual case: nothing to escape or cut, no copy
        }
        StringBuilder safe = new StringBuilder(length + 16).append(text, 0, first);
        for (int i = first; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> safe.append("\\n");
                case '\r' -> safe.append("\\r");
                case '\t' -> safe.append("\\t");
                case '\\' -> safe.append("\\\\");
                default -> {
                    if (needsEscape(c)) {
                        safe.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                                .append(HEX[c & 0xF]);
                    } else {
                        safe.append(c);
                    }
                }
            }
        }
        return length < text.length() ? safe.append("...").toString() : safe.toString();
    }

    /** C0 and C1 controls, DEL, and the Unicode line and paragraph separators some log viewers break lines on. */
    private static boolean needsEscape(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\\';
    }

    /** Compiled on first use: most functions never log a message that needs it. */
    private static final class Secrets {
        // Values that authenticate a request, in the shapes messages, SDK errors and URLs quote them.
        static final Pattern PATTERN = Pattern.compile(
                "(?i)(AccountKey|SharedAccessKey|SharedAccessSignature|Signature|X-Amz-Signature|X-Amz-Credential"
                        + "|X-Amz-Security-Token|sig|access_token|Authorization|password|secret)(\\s*[=:]\\s*)"
                        + "((?:Bearer|Basic|SharedKey)\\s+)?(\"[^\"]*\"|[^;&,\\s\"]+)");
    }
}
