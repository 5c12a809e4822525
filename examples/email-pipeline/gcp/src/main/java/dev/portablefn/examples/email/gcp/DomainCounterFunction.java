package dev.portablefn.examples.email.gcp;

import dev.portablefn.examples.email.CloudDeployment;
import dev.portablefn.examples.email.EmailPipeline;
import dev.portablefn.gcp.GcpCloudEventFunction;

/**
 * Cloud Functions entry point of the domain counter (Pub/Sub topic {@code addresses}); named in {@code deploy-gcp.sh} as
 * {@code --entry-point=dev.portablefn.examples.email.gcp.DomainCounterFunction}.
 */
public final class DomainCounterFunction extends GcpCloudEventFunction {

    /** Called by the Functions Framework once per instance. */
    public DomainCounterFunction() {
        this(CloudDeployment.pipeline());
    }

    DomainCounterFunction(EmailPipeline pipeline) {
        super(pipeline.domainCounter());
    }
}
