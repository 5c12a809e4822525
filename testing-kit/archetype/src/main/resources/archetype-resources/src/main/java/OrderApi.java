package ${package};

import dev.portablefn.api.Context;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.HttpRouter;
import java.util.Map;

/** The order API: {@code POST /orders} takes a validated order, {@code GET /orders/{id}} reads one back. */
public final class OrderApi implements HttpFunction {

    private final HttpRouter router = HttpRouter.builder()
            .post("/orders", (request, context) -> {
                NewOrder order = request.bodyAs(NewOrder.class);   // an invalid body gets a 400 problem naming the field
                context.logger().info("order for {} x {}", order.quantity(), order.item());
                return HttpResponse.status(201).json(Map.of("item", order.item(), "quantity", order.quantity()));
            })
            .get("/orders/{id}", (request, context) ->
                    HttpResponse.ok().json(Map.of("id", request.pathParameter("id").orElseThrow())))
            .build();

    @Override
    public HttpResponse handle(HttpRequest request, Context context) throws Exception {
        return router.handle(request, context);
    }
}
