package dev.portablefn.bench.realistic.portable;

import dev.portablefn.api.Context;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.HttpRouter;
import dev.portablefn.bench.realistic.work.NewOrder;
import dev.portablefn.bench.realistic.work.OrderDesk;

/**
 * The portable side of the realistic HTTP benchmarks, written as a user would: {@code POST /orders/{customerId}}
 * routed with {@link HttpRouter}, the body bound and validated with {@code bodyAs}, the order logged by the
 * {@link OrderDesk}. Anything else gets the router's 404 or 405, an invalid body the library's 400 problem.
 */
public final class OrderApi implements HttpFunction {

    private final HttpRouter routes;

    /** @param desk takes the orders */
    public OrderApi(OrderDesk desk) {
        this.routes = HttpRouter.builder()
                .post("/orders/{customerId}", (request, context) -> HttpResponse.ok().json(
                        desk.accept(request.pathParameter("customerId").orElseThrow(), request.bodyAs(NewOrder.class))))
                .build();
    }

    @Override
    public HttpResponse handle(HttpRequest request, Context context) throws Exception {
        return routes.handle(request, context);
    }
}
