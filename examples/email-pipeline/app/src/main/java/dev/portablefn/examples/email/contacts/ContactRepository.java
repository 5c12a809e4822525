package dev.portablefn.examples.email.contacts;

import dev.portablefn.examples.email.parsing.Mailbox;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stores contacts; recording is idempotent per e-mail, since the topic delivers at least once. */
public interface ContactRepository {

    /**
     * Records the addresses of one e-mail, unless that e-mail was recorded before.
     *
     * @param messageId the e-mail's id
     * @param mailboxes the addresses in it
     * @return whether they were recorded; {@code false} for a repeated e-mail
     */
    boolean record(String messageId, Collection<Mailbox> mailboxes);

    /** @param address an e-mail address, any case @return the contact, if seen */
    Optional<Contact> find(String address);

    /** @return every contact, by address */
    List<Contact> all();
}
