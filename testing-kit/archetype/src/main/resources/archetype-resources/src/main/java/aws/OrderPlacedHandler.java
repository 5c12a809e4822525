package ${package}.aws;

import ${package}.OrderPlaced;
import dev.portablefn.aws.LambdaHandler;

/** AWS Lambda handler of the order messages (an SQS queue or SNS topic): {@code ${package}.aws.OrderPlacedHandler::handleRequest}. */
public final class OrderPlacedHandler extends LambdaHandler {

    /** Called once per container by the Lambda runtime. */
    public OrderPlacedHandler() {
        super(OrderPlaced.create());
    }
}
