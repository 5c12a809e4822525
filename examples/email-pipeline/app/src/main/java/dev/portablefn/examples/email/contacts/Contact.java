package dev.portablefn.examples.email.contacts;

/**
 * Someone seen in e-mails.
 *
 * @param address       the e-mail address, lower-cased
 * @param name          the latest display name seen, or {@code null}
 * @param messagesSeen  in how many distinct e-mails the address appeared
 */
public record Contact(String address, String name, int messagesSeen) {
}
