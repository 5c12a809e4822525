package ${package}.aws;

import ${package}.OrderApi;
import dev.portablefn.aws.LambdaHandler;

/** AWS Lambda handler of the order API: {@code ${package}.aws.OrderApiHandler::handleRequest}. */
public final class OrderApiHandler extends LambdaHandler {

    /** Called once per container by the Lambda runtime. */
    public OrderApiHandler() {
        super(new OrderApi());
    }
}
