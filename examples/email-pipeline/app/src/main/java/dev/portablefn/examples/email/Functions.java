package dev.portablefn.examples.email;

import dev.portablefn.examples.email.contacts.ContactsSubscriber;
import dev.portablefn.examples.email.domains.DomainCounter;
import dev.portablefn.examples.email.parsing.IncomingEmails;

/**
 * The entries {@link EmailPipelineDeployment} names: one static factory per deployed function, each the container's
 * {@link CloudDeployment#pipeline()} function. The rendered entry classes of every provider call them.
 */
public final class Functions {

    private Functions() {
    }

    /** @return the parsing function for new e-mail files */
    public static IncomingEmails incomingEmails() {
        return CloudDeployment.pipeline().incomingEmails();
    }

    /** @return the contacts subscriber */
    public static ContactsSubscriber contacts() {
        return CloudDeployment.pipeline().contactsSubscriber();
    }

    /** @return the domain counter */
    public static DomainCounter domainCounter() {
        return CloudDeployment.pipeline().domainCounter();
    }
}
