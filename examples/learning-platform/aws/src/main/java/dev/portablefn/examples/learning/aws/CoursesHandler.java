package dev.portablefn.examples.learning.aws;

import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.examples.learning.CloudDeployment;

/** AWS Lambda entry of the courses API (API Gateway HTTP API); named in {@code template.yaml} as {@code dev.portablefn.examples.learning.aws.CoursesHandler::handleRequest}. */
public final class CoursesHandler extends LambdaHandler {

    /** Called by Lambda once per container. */
    public CoursesHandler() {
        super(CloudDeployment.platform().coursesApi());
    }
}
