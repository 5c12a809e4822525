package dev.portablefn.examples.email.gcp;

import dev.portablefn.examples.email.CloudDeployment;
import dev.portablefn.examples.email.EmailPipeline;
import dev.portablefn.gcp.GcpCloudEventFunction;

/**
 * Cloud Functions entry point of the contacts subscriber (Pub/Sub topic {@code addresses}); named in {@code deploy-gcp.sh} as
 * {@code --entry-point=dev.portablefn.examples.email.gcp.ContactsFunction}.
 */
public final class ContactsFunction extends GcpCloudEventFunction {

    /** Called by the Functions Framework once per instance. */
    public ContactsFunction() {
        this(CloudDeployment.pipeline());
    }

    ContactsFunction(EmailPipeline pipeline) {
        super(pipeline.contactsSubscriber());
    }
}
