package dev.portablefn.examples.email.gcp;

import dev.portablefn.examples.email.CloudDeployment;
import dev.portablefn.examples.email.EmailPipeline;
import dev.portablefn.gcp.GcpCloudEventFunction;

/**
 * Cloud Functions entry point of the parsing function (Cloud Storage {@code finalized} events of the inbox bucket);
 * named in {@code deploy-gcp.sh} as {@code --entry-point=dev.portablefn.examples.email.gcp.IncomingEmailsFunction}.
 */
public final class IncomingEmailsFunction extends GcpCloudEventFunction {

    /** Called by the Functions Framework once per instance. */
    public IncomingEmailsFunction() {
        this(CloudDeployment.pipeline());
    }

    IncomingEmailsFunction(EmailPipeline pipeline) {
        super(pipeline.incomingEmails());
    }
}
