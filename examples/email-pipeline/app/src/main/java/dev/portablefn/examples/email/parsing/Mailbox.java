package dev.portablefn.examples.email.parsing;

import java.util.Locale;

/**
 * An e-mail address with its display name.
 *
 * @param address the address, such as {@code ada@example.org}
 * @param name    the display name, decoded from RFC 2047 when needed, or {@code null}
 */
public record Mailbox(String address, String name) {

    /** @return the part after {@code @}, lower-cased; empty for an address without one */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
