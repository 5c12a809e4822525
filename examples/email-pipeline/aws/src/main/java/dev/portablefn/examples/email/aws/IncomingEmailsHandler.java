package dev.portablefn.examples.email.aws;

import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.examples.email.CloudDeployment;
import dev.portablefn.examples.email.EmailPipeline;

/**
 * AWS Lambda entry of the parsing function (S3 notifications of the inbox bucket); named in {@code template.yaml} as
 * {@code dev.portablefn.examples.email.aws.IncomingEmailsHandler::handleRequest}.
 */
public final class IncomingEmailsHandler extends LambdaHandler {

    /** Called by Lambda once per container. */
    public IncomingEmailsHandler() {
        this(CloudDeployment.pipeline());
    }

    IncomingEmailsHandler(EmailPipeline pipeline) {
        super(pipeline.incomingEmails());
    }
}
