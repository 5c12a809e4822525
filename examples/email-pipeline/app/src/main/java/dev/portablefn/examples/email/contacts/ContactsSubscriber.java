package dev.portablefn.examples.email.contacts;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.examples.email.parsing.ExtractedAddresses;
import dev.portablefn.examples.email.parsing.Mailbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Subscriber on the addresses topic that keeps the contact list: sender and recipients of each e-mail. */
public final class ContactsSubscriber implements EventFunction<ExtractedAddresses> {

    private final ContactRepository contacts;

    /** @param contacts where contacts are kept */
    public ContactsSubscriber(ContactRepository contacts) {
        this.contacts = Objects.requireNonNull(contacts, "contacts");
    }

    @Override
    public void handle(Event<ExtractedAddresses> event, Context context) {
        ExtractedAddresses addresses = event.data();
        List<Mailbox> everyone = new ArrayList<>();
        everyone.add(addresses.sender());
        everyone.addAll(addresses.recipients());
        if (contacts.record(addresses.messageId(), everyone)) {
            context.logger().info("recorded {} contacts from {}", everyone.size(), addresses.messageId());
        } else {
            context.logger().info("{} was recorded before; repeated delivery ignored", addresses.messageId());
        }
    }
}
