package dev.portablefn.examples.email.aws;

import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.examples.email.CloudDeployment;
import dev.portablefn.examples.email.EmailPipeline;

/**
 * AWS Lambda entry of the domain counter (SNS topic {@code addresses}); named in {@code template.yaml} as
 * {@code dev.portablefn.examples.email.aws.DomainCounterHandler::handleRequest}.
 */
public final class DomainCounterHandler extends LambdaHandler {

    /** Called by Lambda once per container. */
    public DomainCounterHandler() {
        this(CloudDeployment.pipeline());
    }

    DomainCounterHandler(EmailPipeline pipeline) {
        super(pipeline.domainCounter());
    }
}
