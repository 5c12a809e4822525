package dev.portablefn.examples.email.contacts;

import dev.portablefn.examples.email.parsing.Mailbox;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A {@link ContactRepository} in memory, for local runs and tests; thread-safe. */
public final class InMemoryContactRepository implements ContactRepository {

    private final Set<String> recordedMessages = new HashSet<>();
    private final TreeMap<String, Contact> contacts = new TreeMap<>();

    @Override
    public synchronized boolean record(String messageId, Collection<Mailbox> mailboxes) {
        if (!recordedMessages.add(messageId)) {
            return false;
        }
        Set<String> inThisMessage = new HashSet<>();
        for (Mailbox mailbox : mailboxes) {
            String address = mailbox.address().toLowerCase(Locale.ROOT);
            if (!inThisMessage.add(address)) {
                continue;
            }
            contacts.merge(address, new Contact(address, mailbox.name(), 1), (old, fresh) ->
                    new Contact(address, fresh.name() == null ? old.name() : fresh.name(), old.messagesSeen() + 1));
        }
        return true;
    }

    @Override
    public synchronized Optional<Contact> find(String address) {
        return Optional.ofNullable(contacts.get(address.toLowerCase(Locale.ROOT)));
    }

    @Override
    public synchronized List<Contact> all() {
        return List.copyOf(contacts.values());
    }
}
