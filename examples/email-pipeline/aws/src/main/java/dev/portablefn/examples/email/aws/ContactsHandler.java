package dev.portablefn.examples.email.aws;

import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.examples.email.CloudDeployment;
import dev.portablefn.examples.email.EmailPipeline;

/**
 * AWS Lambda entry of the contacts subscriber (SNS topic {@code addresses}); named in {@code template.yaml} as
 * {@code dev.portablefn.examples.email.aws.ContactsHandler::handleRequest}.
 */
public final class ContactsHandler extends LambdaHandler {

    /** Called by Lambda once per container. */
    public ContactsHandler() {
        this(CloudDeployment.pipeline());
    }

    ContactsHandler(EmailPipeline pipeline) {
        super(pipeline.contactsSubscriber());
    }
}
