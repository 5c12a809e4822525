package dev.portablefn.examples.minimal.aws;

import dev.portablefn.aws.LambdaHandler;

/** The Lambda handler {@code template.yaml} names: the portable function behind the AWS adapter. */
public class HelloHandler extends LambdaHandler {

    /** Lambda calls this once per container. */
    public HelloHandler() {
        super(new HelloFunction());
    }
}
