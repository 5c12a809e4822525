package com.example.orders;

import dev.portablefn.aws.LambdaHandler;

/** The class AWS Lambda runs: {@code com.example.orders.OrderHandler::handleRequest}. */
public final class OrderHandler extends LambdaHandler {

    /** Called once per container by the Lambda runtime. */
    public OrderHandler() {
        super(new OrderFunction());
    }
}
