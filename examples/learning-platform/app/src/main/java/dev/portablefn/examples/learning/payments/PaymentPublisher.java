package dev.portablefn.examples.learning.payments;

import dev.portablefn.api.Context;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.HttpRouter;
import java.util.Map;

/**
 * The Payment Publisher: {@code POST /payments} validates a {@link PaymentRequest}, takes the
 * payment and publishes {@link PaymentCompleted}; answers 202 because enrolment happens afterwards.
 */
public final class PaymentPublisher implements HttpFunction {

    private final Checkout checkout;
    private final HttpRouter router;

    /** @param checkout takes and announces payments */
    public PaymentPublisher(Checkout checkout) {
        this.checkout = checkout;
        this.router = routes(HttpRouter.builder()).build();
    }

    /** @param builder the router to add this API's routes to @return the same builder */
    public HttpRouter.Builder routes(HttpRouter.Builder builder) {
        return builder.post("/payments", this::pay);
    }

    private HttpResponse pay(HttpRequest request, Context context) {
        PaymentCompleted payment = checkout.pay(request.bodyAs(PaymentRequest.class), context.clock());
        context.logger().info("payment {} completed for user {} course {}", payment.paymentId(), payment.userId(),
                payment.courseId());
        return HttpResponse.status(202).json(Map.of("paymentId", payment.paymentId(), "status", "COMPLETED",
                "enrolment", "pending"));
    }

    @Override
    public HttpResponse handle(HttpRequest request, Context context) throws Exception {
        return router.handle(request, context);
    }
}
