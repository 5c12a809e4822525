package dev.portablefn.examples.learning.gcp;

import dev.portablefn.examples.learning.CloudDeployment;
import dev.portablefn.gcp.GcpCloudEventFunction;

/** Cloud Functions entry point of the Payment Subscriber (Pub/Sub topic {@code payments}); named in {@code deploy-gcp.sh} as {@code --entry-point=dev.portablefn.examples.learning.gcp.PaymentSubscriberFunction}. */
public final class PaymentSubscriberFunction extends GcpCloudEventFunction {

    /** Called by the Functions Framework once per instance. */
    public PaymentSubscriberFunction() {
        super(CloudDeployment.platform().paymentSubscriber());
    }
}
