package dev.portablefn.examples.email;

import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.examples.email.contacts.ContactRepository;
import dev.portablefn.examples.email.contacts.ContactsSubscriber;
import dev.portablefn.examples.email.contacts.InMemoryContactRepository;
import dev.portablefn.examples.email.domains.DomainCountRepository;
import dev.portablefn.examples.email.domains.DomainCounter;
import dev.portablefn.examples.email.domains.InMemoryDomainCountRepository;
import dev.portablefn.examples.email.parsing.EmailParser;
import dev.portablefn.examples.email.parsing.IncomingEmails;

/**
 * The composition root of the pipeline: inbox bucket → {@link IncomingEmails} → addresses topic →
 * {@link ContactsSubscriber} and {@link DomainCounter}.
 */
public final class EmailPipeline {

    /** The bucket e-mail files land in. */
    public static final String INBOX_BUCKET = "incoming-emails";
    /** The topic extracted addresses are published to. */
    public static final String ADDRESSES_TOPIC = "addresses";

    private final BlobStore blobs;
    private final Publisher publisher;
    private final ContactRepository contacts;
    private final DomainCountRepository domainCounts;
    private final EmailParser parser = new EmailParser();

    private EmailPipeline(BlobStore blobs, Publisher publisher, ContactRepository contacts,
                          DomainCountRepository domainCounts) {
        this.blobs = blobs;
        this.publisher = publisher;
        this.contacts = contacts;
        this.domainCounts = domainCounts;
    }

    /**
     * @return the pipeline a deployed function uses: it reads through {@link BlobStore#registered()} and publishes
     *         through {@link Publisher#registered()}, the provider outbound module the deployment carries, looked up
     *         on first use; the deployment maps {@value #INBOX_BUCKET} and {@value #ADDRESSES_TOPIC} with
     *         {@code PORTABLEFN_BUCKET_INCOMING_EMAILS} and {@code PORTABLEFN_DESTINATION_ADDRESSES}
     */
    public static EmailPipeline deployed() {
        return inMemory(BlobStore.registered(), Publisher.registered());
    }

    /**
     * @param blobs     reads e-mails from {@value #INBOX_BUCKET}
     * @param publisher publishes to {@value #ADDRESSES_TOPIC}
     * @return a pipeline over fresh in-memory stores
     */
    public static EmailPipeline inMemory(BlobStore blobs, Publisher publisher) {
        return new EmailPipeline(blobs, publisher, new InMemoryContactRepository(), new InMemoryDomainCountRepository());
    }

    /** @return the function for new e-mail files */
    public IncomingEmails incomingEmails() {
        return new IncomingEmails(blobs, INBOX_BUCKET, publisher, parser, ADDRESSES_TOPIC);
    }

    /** @return the contacts subscriber */
    public ContactsSubscriber contactsSubscriber() {
        return new ContactsSubscriber(contacts);
    }

    /** @return the domain-counting subscriber */
    public DomainCounter domainCounter() {
        return new DomainCounter(domainCounts);
    }

    /** @return the contacts, for inspection */
    public ContactRepository contacts() {
        return contacts;
    }

    /** @return the domain counts, for inspection */
    public DomainCountRepository domainCounts() {
        return domainCounts;
    }
}
