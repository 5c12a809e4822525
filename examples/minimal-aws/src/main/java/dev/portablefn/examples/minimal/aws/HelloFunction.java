package dev.portablefn.examples.minimal.aws;

import dev.portablefn.api.Context;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import java.util.Map;

/** Greets the caller by the {@code name} query parameter; knows nothing about AWS. */
public final class HelloFunction implements HttpFunction {

    @Override
    public HttpResponse handle(HttpRequest request, Context context) {
        String name = request.queryParameter("name").orElse("world");
        return HttpResponse.ok().json(Map.of("message", "Hello, " + name + "!"));
    }
}
