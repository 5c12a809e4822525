package dev.portablefn.gcp.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.http.Cookie;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.gcp.GcpHttpFunction;
import dev.portablefn.runtime.json.JacksonCodec;
import java.util.Base64;

/** The HTTP entry point the invoker test deploys: echoes what it saw as JSON. */
public class ItHttpEntry extends GcpHttpFunction {
    /** Called by the invoker. */
    public ItHttpEntry() {
        super((request, context) -> {
            if (request.path().equals("/missing")) {
                throw PermanentFailure.withStatus(404, "nothing at /missing");
            }
            if (request.path().equals("/busy")) {
                throw new RetryableException("busy");
            }
            ObjectNode seen = JacksonCodec.standard().mapper().createObjectNode();
            seen.put("method", request.method()).put("path", request.path()).put("rawPath", request.rawPath())
                    .put("requestId", context.requestId()).put("functionName", context.functionName())
                    .put("traceId", context.traceId().orElse(null))
                    .put("body", Base64.getEncoder().encodeToString(request.body()));
            seen.putPOJO("x", request.query().all("x"));
            seen.putPOJO("multi", request.headers().all("X-Multi"));
            return HttpResponse.status(201).json(seen).header("X-Echo", "a").header("X-Echo", "b")
                    .cookie(Cookie.of("session", "s1")).cookie(Cookie.of("theme", "dark"));
        });
    }
}
