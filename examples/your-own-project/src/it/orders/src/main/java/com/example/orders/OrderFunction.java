package com.example.orders;

import dev.portablefn.api.Context;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.HttpRouter;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.Map;

/** Takes orders: {@code POST /orders} with a validated body. */
public final class OrderFunction implements HttpFunction {

    /** An order as clients send it. */
    public record NewOrder(@NotBlank String item, @Positive int quantity) {
    }

    private final HttpRouter router = HttpRouter.builder()
            .post("/orders", (request, context) -> {
                NewOrder order = request.bodyAs(NewOrder.class);
                return HttpResponse.status(201).json(Map.of("item", order.item(), "quantity", order.quantity()));
            })
            .build();

    @Override
    public HttpResponse handle(HttpRequest request, Context context) throws Exception {
        return router.handle(request, context);
    }
}
