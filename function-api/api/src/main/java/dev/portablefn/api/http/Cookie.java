package dev.portablefn.api.http;

import java.time.Duration;
import java.util.Objects;

/**
 * A cookie for a response's {@code Set-Cookie} header. Immutable; the {@code with…} methods and
 * flags return changed copies. Adapters send it the way each provider expects (the AWS HTTP API
 * {@code cookies} array, multi-value {@code Set-Cookie} elsewhere).
 *
 * @param name     the cookie name (an RFC 6265 token)
 * @param value    the cookie value, sent as given
 * @param path     the {@code Path} attribute, or {@code null}
 * @param domain   the {@code Domain} attribute, or {@code null}
 * @param maxAge   the {@code Max-Age} attribute, or {@code null} for a session cookie
 * @param secure   whether to add {@code Secure}
 * @param httpOnly whether to add {@code HttpOnly}
 * @param sameSite {@code Strict}, {@code Lax}, {@code None}, or {@code null}
 */
public record Cookie(String name, String value, String path, String domain, Duration maxAge,
                     boolean secure, boolean httpOnly, String sameSite) {

    /**
     * Makes a cookie, checking that each part can travel in a {@code Set-Cookie} header.
     *
     * @param name     the cookie name (an RFC 6265 token)
     * @param value    the cookie value, sent as given
     * @param path     the {@code Path} attribute, or {@code null}
     * @param domain   the {@code Domain} attribute, or {@code null}
     * @param maxAge   the {@code Max-Age} attribute, or {@code null} for a session cookie
     * @param secure   whether to add {@code Secure}
     * @param httpOnly whether to add {@code HttpOnly}
     * @param sameSite {@code Strict}, {@code Lax}, {@code None}, or {@code null}
     * @throws IllegalArgumentException if the name, value, path or domain contains characters a cookie cannot
     *                                  hold, or {@code sameSite} is not {@code Strict}, {@code Lax} or {@code None}
     */
    public Cookie {
        Objects.requireNonNull(name, "cookie name");
        Objects.requireNonNull(value, "cookie value");
        if (name.isEmpty() || !name.chars().allMatch(Cookie::isTokenChar)) {
            throw new IllegalArgumentException("cookie name '" + name + "' must be a non-empty token");
        }
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ';' && c != ',' && c != '"' && c != '\\')) {
            throw new IllegalArgumentException("cookie '" + name + "' has characters a cookie value cannot hold; encode it first");
        }
        requireAttribute(name, "Path", path);
        requireAttribute(name, "Domain", domain);
        if (sameSite != null && !(sameSite.equals("Strict") || sameSite.equals("Lax") || sameSite.equals("None"))) {
            throw new IllegalArgumentException("cookie '" + name + "' has SameSite '" + sameSite
                    + "'; use Strict, Lax or None");
        }
    }

    /**
     * Makes a session cookie.
     *
     * @param name  the cookie name
     * @param value the cookie value
     * @return a session cookie with no attributes
     */
    public static Cookie of(String name, String value) {
        return new Cookie(name, value, null, null, null, false, false, null);
    }

    /**
     * Makes a copy limited to a path.
     *
     * @param newPath the path
     * @return a copy with that path
     */
    public Cookie withPath(String newPath) {
        return new Cookie(name, value, newPath, domain, maxAge, secure, httpOnly, sameSite);
    }

    /**
     * Makes a copy sent to a domain and its subdomains.
     *
     * @param newDomain the domain
     * @return a copy with that domain
     */
    public Cookie withDomain(String newDomain) {
        return new Cookie(name, value, path, newDomain, maxAge, secure, httpOnly, sameSite);
    }

    /**
     * Makes a copy that lives for a while rather than for the session.
     *
     * @param newMaxAge how long the cookie lives; zero deletes it
     * @return a copy with that max age
     */
    public Cookie withMaxAge(Duration newMaxAge) {
        return new Cookie(name, value, path, domain, newMaxAge, secure, httpOnly, sameSite);
    }

    /**
     * Makes a copy sent only over HTTPS.
     *
     * @return a copy marked {@code Secure}
     */
    public Cookie asSecure() {
        return new Cookie(name, value, path, domain, maxAge, true, httpOnly, sameSite);
    }

    /**
     * Makes a copy that scripts in the browser cannot read.
     *
     * @return a copy marked {@code HttpOnly}
     */
    public Cookie asHttpOnly() {
        return new Cookie(name, value, path, domain, maxAge, secure, true, sameSite);
    }

    /**
     * Makes a copy with a cross-site policy.
     *
     * @param newSameSite {@code Strict}, {@code Lax} or {@code None}
     * @return a copy with that attribute
     */
    public Cookie withSameSite(String newSameSite) {
        return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, newSameSite);
    }

    /**
     * Renders the cookie with its attributes.
     *
     * @return the {@code Set-Cookie} header value
     */
    public String toSetCookieHeader() {
        StringBuilder header = new StringBuilder(name).append('=').append(value);
        if (path != null) {
            header.append("; Path=").append(path);
        }
        if (domain != null) {
            header.append("; Domain=").append(domain);
        }
        if (maxAge != null) {
            header.append("; Max-Age=").append(Math.max(0, maxAge.getSeconds()));
        }
        if (secure) {
            header.append("; Secure");
        }
        if (httpOnly) {
            header.append("; HttpOnly");
        }
        if (sameSite != null) {
            header.append("; SameSite=").append(sameSite);
        }
        return header.toString();
    }

    private static void requireAttribute(String cookie, String attribute, String value) {
        // A ';' or a control character would let the value smuggle in other attributes or headers.
        if (value != null && !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != ';')) {
            throw new IllegalArgumentException("cookie '" + cookie + "' has a " + attribute + " with ';' or control characters: "
                    + value.replaceAll("\\p{Cntrl}", "?"));
        }
    }

    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={} \t".indexOf(c) < 0;
    }
}
