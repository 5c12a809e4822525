package dev.portablefn.examples.minimalazure;

import dev.portablefn.api.Context;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import java.util.Map;

/** A portable HTTP function: greets the caller named in the {@code name} query parameter. */
public final class Greeting implements HttpFunction {

    @Override
    public HttpResponse handle(HttpRequest request, Context context) {
        String name = request.query().first("name").orElse("world");
        context.logger().info("greeting {}", name);
        return HttpResponse.ok().json(Map.of("greeting", "Hello, " + name + "!"));
    }
}
