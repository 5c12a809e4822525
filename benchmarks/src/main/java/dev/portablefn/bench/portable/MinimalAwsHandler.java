package dev.portablefn.bench.portable;

import dev.portablefn.aws.LambdaHandler;

/**
 * The smallest deployable portable Lambda function: the entry class a user writes ({@code MinimalAwsHandler::handleRequest}).
 * Packaged alone in {@code target/minimal-aws.jar} to measure the deployment size.
 */
public final class MinimalAwsHandler extends LambdaHandler {

    /** Serves {@link OrderHttpFunction}. */
    public MinimalAwsHandler() {
        super(new OrderHttpFunction());
    }
}
