package dev.portablefn.aws;

import dev.portablefn.api.PortableFunction;

/**
 * A Lambda entry point that needs no code: set the handler to
 * {@code dev.portablefn.aws.GenericLambdaHandler::handleRequest} and the environment variable
 * {@code PORTABLEFN_FUNCTION} to your function's class name. The class is instantiated once per container.
 */
public final class GenericLambdaHandler extends LambdaHandler {

    /** @throws IllegalStateException naming the fix when {@code PORTABLEFN_FUNCTION} is unset or unusable */
    public GenericLambdaHandler() {
        super(PortableFunction.fromEnvironment());
    }
}
