package dev.portablefn.examples.learning.gcp;

import dev.portablefn.examples.learning.CloudDeployment;
import dev.portablefn.gcp.GcpCloudEventFunction;

/** Cloud Functions entry point of the nightly report (Cloud Scheduler through Pub/Sub); named in {@code deploy-gcp.sh} as {@code --entry-point=dev.portablefn.examples.learning.gcp.NightlyReportFunction}. */
public final class NightlyReportFunction extends GcpCloudEventFunction {

    /** Called by the Functions Framework once per instance. */
    public NightlyReportFunction() {
        super(CloudDeployment.platform().nightlyReport());
    }
}
