package dev.portablefn.examples.learning.aws;

import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.examples.learning.CloudDeployment;

/** AWS Lambda entry of the users API (API Gateway HTTP API); named in {@code template.yaml} as {@code dev.portablefn.examples.learning.aws.UsersHandler::handleRequest}. */
public final class UsersHandler extends LambdaHandler {

    /** Called by Lambda once per container. */
    public UsersHandler() {
        super(CloudDeployment.platform().usersApi());
    }
}
