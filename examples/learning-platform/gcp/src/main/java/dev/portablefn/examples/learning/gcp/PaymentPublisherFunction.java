package dev.portablefn.examples.learning.gcp;

import dev.portablefn.examples.learning.CloudDeployment;
import dev.portablefn.gcp.GcpHttpFunction;

/** Cloud Functions entry point of the Payment Publisher (HTTP); named in {@code deploy-gcp.sh} as {@code --entry-point=dev.portablefn.examples.learning.gcp.PaymentPublisherFunction}. */
public final class PaymentPublisherFunction extends GcpHttpFunction {

    /** Called by the Functions Framework once per instance. */
    public PaymentPublisherFunction() {
        super(CloudDeployment.platform().paymentPublisher());
    }
}
