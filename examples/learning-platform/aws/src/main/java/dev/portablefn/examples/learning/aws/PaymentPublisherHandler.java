package dev.portablefn.examples.learning.aws;

import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.examples.learning.CloudDeployment;

/** AWS Lambda entry of the Payment Publisher (API Gateway HTTP API); named in {@code template.yaml} as {@code dev.portablefn.examples.learning.aws.PaymentPublisherHandler::handleRequest}. */
public final class PaymentPublisherHandler extends LambdaHandler {

    /** Called by Lambda once per container. */
    public PaymentPublisherHandler() {
        super(CloudDeployment.platform().paymentPublisher());
    }
}
