package dev.portablefn.runtime.internal;

import dev.portablefn.api.Context;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.HttpRouter;
import dev.portablefn.runtime.internal.validation.BeanValidation;
import dev.portablefn.runtime.json.JacksonCodec;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Warms what a function's first invocation would otherwise set up, for runtimes that snapshot the process after
 * init (Lambda SnapStart, CRaC): the logging backend, the JSON codec and the reader of the function's data type,
 * Hibernate Validator with that type's constraints, and an {@link HttpRouter}'s matching. It never runs the
 * function's own code: the router is asked for a path no route serves.
 */
final class Priming {

    /** A path no route serves: the router answers it with its own 404 and calls no handler. */
    static final String UNROUTED_PATH = "/.well-known/portablefn-priming";

    private Priming() {
    }

    /** @return what was warmed, one line each, for the log */
    static List<String> prime(PortableFunction function, JacksonCodec codec) {
        List<String> warmed = new ArrayList<>();
        // An HTTP function's body types are known only to its code; its requests carry no data type to warm.
        Type dataType = function.kind() == PortableFunction.Kind.HTTP ? null : function.dataType();
        LoggerFactory.getLogger("dev.portablefn.function." + function.name()).isInfoEnabled();
        warmed.add("logger");
        try {
            codec.readTree("{\"text\":\"a\",\"number\":1.5,\"list\":[1,true,null],\"object\":{}}");
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException("the codec could not read its own priming JSON", impossible);
        }
        codec.write(Map.of("text", "a", "number", 1.5));
        if (dataType != null) {
            codec.prime(dataType);
        }
        warmed.add(dataType == null ? "json" : "json reader of " + dataType.getTypeName());
        if (function.validates()) {
            Class<?> type = dataType instanceof Class<?> plain ? plain : null;
            try {
                BeanValidation.shared().prime(type);
                warmed.add(type == null ? "validator" : "validator of " + type.getName());
            } catch (IllegalStateException notOnTheClasspath) {
                warmed.add("no validator (Hibernate Validator is not on the classpath)");
            }
        }
        if (function.function() instanceof HttpRouter router) {
            Context context = Context.builder().requestId("priming").functionName(function.name())
                    .provider(Provider.LOCAL).build();
            try {
                HttpResponse answer = router.handle(HttpRequest.builder("GET", UNROUTED_PATH).build(), context);
                warmed.add("router (" + answer.status() + " for " + UNROUTED_PATH + ")");
            } catch (Exception routerFailed) {
                throw new IllegalStateException("the router failed on a path it does not serve", routerFailed);
            }
        }
        return List.copyOf(warmed);
    }
}
