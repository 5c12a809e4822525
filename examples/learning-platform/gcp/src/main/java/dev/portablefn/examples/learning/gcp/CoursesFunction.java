package dev.portablefn.examples.learning.gcp;

import dev.portablefn.examples.learning.CloudDeployment;
import dev.portablefn.gcp.GcpHttpFunction;

/** Cloud Functions entry point of the courses API (HTTP); named in {@code deploy-gcp.sh} as {@code --entry-point=dev.portablefn.examples.learning.gcp.CoursesFunction}. */
public final class CoursesFunction extends GcpHttpFunction {

    /** Called by the Functions Framework once per instance. */
    public CoursesFunction() {
        super(CloudDeployment.platform().coursesApi());
    }
}
