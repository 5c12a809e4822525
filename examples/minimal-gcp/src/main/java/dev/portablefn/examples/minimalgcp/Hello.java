package dev.portablefn.examples.minimalgcp;

import dev.portablefn.api.Context;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import java.util.Map;

/** A portable HTTP function: greets whoever the {@code name} query parameter names. */
public final class Hello implements HttpFunction {

    @Override
    public HttpResponse handle(HttpRequest request, Context context) {
        String name = request.queryParameter("name").orElse("world");
        return HttpResponse.ok().json(Map.of("greeting", "Hello, " + name + "!", "requestId", context.requestId()));
    }
}
