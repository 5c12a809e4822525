package dev.portablefn.examples.learning.aws;

import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.examples.learning.CloudDeployment;

/** AWS Lambda entry of the nightly report (EventBridge schedule); named in {@code template.yaml} as {@code dev.portablefn.examples.learning.aws.NightlyReportHandler::handleRequest}. */
public final class NightlyReportHandler extends LambdaHandler {

    /** Called by Lambda once per container. */
    public NightlyReportHandler() {
        super(CloudDeployment.platform().nightlyReport());
    }
}
