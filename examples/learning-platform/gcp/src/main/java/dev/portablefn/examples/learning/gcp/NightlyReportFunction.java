package dev.portablefn.examples.learning.gcp;

import dev.portablefn.api.PortableFunction;
import dev.portablefn.examples.learning.CloudDeployment;
import dev.portablefn.examples.learning.LearningPlatform;
import dev.portablefn.gcp.GcpCloudEventFunction;

/** Cloud Functions entry point of the nightly report: Cloud Scheduler publishes to the {@code nightly-report} topic, each message is a tick; named in {@code deploy-gcp.sh} as {@code --entry-point=dev.portablefn.examples.learning.gcp.NightlyReportFunction}. */
public final class NightlyReportFunction extends GcpCloudEventFunction {

    /** Called by the Functions Framework once per instance. */
    public NightlyReportFunction() {
        super(PortableFunction.event(Object.class,
                new SchedulerMessages(CloudDeployment.platform().nightlyReport(), LearningPlatform.NIGHTLY_SCHEDULE)));
    }
}
