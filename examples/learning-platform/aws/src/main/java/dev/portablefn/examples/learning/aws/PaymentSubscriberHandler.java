package dev.portablefn.examples.learning.aws;

import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.examples.learning.CloudDeployment;

/** AWS Lambda entry of the Payment Subscriber (SNS topic {@code payments}); named in {@code template.yaml} as {@code dev.portablefn.examples.learning.aws.PaymentSubscriberHandler::handleRequest}. */
public final class PaymentSubscriberHandler extends LambdaHandler {

    /** Called by Lambda once per container. */
    public PaymentSubscriberHandler() {
        super(CloudDeployment.platform().paymentSubscriber());
    }
}
