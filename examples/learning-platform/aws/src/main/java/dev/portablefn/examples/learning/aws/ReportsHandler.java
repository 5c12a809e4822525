package dev.portablefn.examples.learning.aws;

import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.examples.learning.CloudDeployment;

/** AWS Lambda entry of the reports API (API Gateway HTTP API); named in {@code template.yaml} as {@code dev.portablefn.examples.learning.aws.ReportsHandler::handleRequest}. */
public final class ReportsHandler extends LambdaHandler {

    /** Called by Lambda once per container. */
    public ReportsHandler() {
        super(CloudDeployment.platform().reportsApi());
    }
}
