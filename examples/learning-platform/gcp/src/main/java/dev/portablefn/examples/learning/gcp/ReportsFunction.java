package dev.portablefn.examples.learning.gcp;

import dev.portablefn.examples.learning.CloudDeployment;
import dev.portablefn.gcp.GcpHttpFunction;

/** Cloud Functions entry point of the reports API (HTTP); named in {@code deploy-gcp.sh} as {@code --entry-point=dev.portablefn.examples.learning.gcp.ReportsFunction}. */
public final class ReportsFunction extends GcpHttpFunction {

    /** Called by the Functions Framework once per instance. */
    public ReportsFunction() {
        super(CloudDeployment.platform().reportsApi());
    }
}
