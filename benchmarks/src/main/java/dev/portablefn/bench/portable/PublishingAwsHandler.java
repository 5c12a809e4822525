package dev.portablefn.bench.portable;

import dev.portablefn.aws.LambdaHandler;

/**
 * The entry class of a portable Lambda function that publishes ({@code PublishingAwsHandler::handleRequest}): serves
 * {@link PublishingOrderFunction}, whose {@code Publisher.registered()} finds {@code AwsPublisher} on the classpath.
 * Packaged with its dependencies in {@code target/publish-aws.jar} to measure the deployment size.
 */
public final class PublishingAwsHandler extends LambdaHandler {

    /** Serves {@link PublishingOrderFunction} on the registered publisher. */
    public PublishingAwsHandler() {
        super(new PublishingOrderFunction());
    }
}
