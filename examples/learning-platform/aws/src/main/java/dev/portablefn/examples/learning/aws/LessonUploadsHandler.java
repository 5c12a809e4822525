package dev.portablefn.examples.learning.aws;

import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.examples.learning.CloudDeployment;

/** AWS Lambda entry of the lesson upload function (S3 bucket notifications); named in {@code template.yaml} as {@code dev.portablefn.examples.learning.aws.LessonUploadsHandler::handleRequest}. */
public final class LessonUploadsHandler extends LambdaHandler {

    /** Called by Lambda once per container. */
    public LessonUploadsHandler() {
        super(CloudDeployment.platform().lessonUploads());
    }
}
