package dev.portablefn.deployment;

import dev.portablefn.api.EventFunction;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.http.HttpResponse;

/** Entry factories the sample declaration names, and some that no declaration may name. */
public final class SampleFunctions {

    private SampleFunctions() {
    }

    public static HttpFunction orders() {
        return (request, context) -> HttpResponse.ok();
    }

    public static PortableFunction billing() {
        return PortableFunction.of((EventFunction<String>) (event, context) -> { });
    }

    public static EventFunction<StorageObject> uploads() {
        return (event, context) -> { };
    }

    public static EventFunction<ScheduleTick> nightly() {
        return (event, context) -> { };
    }

    public static EventFunction<String> refunds() {
        return (event, context) -> { };
    }

    /** Not static: refused. */
    public HttpFunction instance() {
        return orders();
    }

    /** Not a function: refused. */
    public static String text() {
        return "";
    }
}
