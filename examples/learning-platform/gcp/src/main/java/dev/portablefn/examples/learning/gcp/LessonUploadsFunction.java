package dev.portablefn.examples.learning.gcp;

import dev.portablefn.examples.learning.CloudDeployment;
import dev.portablefn.gcp.GcpCloudEventFunction;

/** Cloud Functions entry point of the lesson upload function (Cloud Storage finalized/deleted); named in {@code deploy-gcp.sh} as {@code --entry-point=dev.portablefn.examples.learning.gcp.LessonUploadsFunction}. */
public final class LessonUploadsFunction extends GcpCloudEventFunction {

    /** Called by the Functions Framework once per instance. */
    public LessonUploadsFunction() {
        super(CloudDeployment.platform().lessonUploads());
    }
}
