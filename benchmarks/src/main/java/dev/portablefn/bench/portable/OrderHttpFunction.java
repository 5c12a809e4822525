package dev.portablefn.bench.portable;

import dev.portablefn.api.Context;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.bench.work.Order;
import dev.portablefn.bench.work.Receipt;

/** The portable side of the HTTP benchmarks: binds the body to an {@link Order} and answers its {@link Receipt}. */
public final class OrderHttpFunction implements HttpFunction {

    @Override
    public HttpResponse handle(HttpRequest request, Context context) {
        return HttpResponse.ok().json(Receipt.of(request.bodyAs(Order.class)));
    }
}
