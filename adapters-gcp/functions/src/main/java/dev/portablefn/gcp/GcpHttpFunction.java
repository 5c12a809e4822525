package dev.portablefn.gcp;

import com.google.cloud.functions.HttpFunction;
import dev.portablefn.api.Context;
import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.runtime.internal.HttpProblems;
import java.util.Objects;

/**
 * Runs a portable {@link dev.portablefn.api.HttpFunction} as a Functions Framework HTTP function. Subclass it
 * with your function and deploy the subclass as the entry point:
 * {@code public class Orders extends GcpHttpFunction { public Orders() { super(new OrderFunction()); } }}.
 * Failures become problem responses; the framework never sees an exception from the function.
 */
public class GcpHttpFunction implements HttpFunction {

    private final GcpRuntime runtime;

    /** @param function the portable HTTP function */
    public GcpHttpFunction(dev.portablefn.api.HttpFunction function) {
        this(PortableFunction.http(Objects.requireNonNull(function, "function")));
    }

    /** @param function the portable function with its configuration (middleware, codec, limits) */
    public GcpHttpFunction(PortableFunction function) {
        this.runtime = new GcpRuntime(Objects.requireNonNull(function, "function"), System.getenv());
    }

    @Override
    public void service(com.google.cloud.functions.HttpRequest request, com.google.cloud.functions.HttpResponse response)
            throws Exception {
        HttpRequest portable;
        try {
            portable = HttpMapping.toPortable(request, runtime.runner().limits());
        } catch (InvalidInputException tooMany) {
            HttpMapping.write(HttpProblems.rejection(tooMany), response);
            return;
        }
        Context context = runtime.httpContext(portable, request);
        HttpResponse result = runtime.runner().http(portable, context);
        HttpMapping.write(result, response);
    }

    /**
     * Gives the function this entry runs, with its configuration; tools such as the CLI run it on other payloads.
     *
     * @return the function
     */
    public final PortableFunction function() {
        return runtime.runner().function();
    }
}
