package dev.portablefn.aws;

import dev.portablefn.api.http.HttpResponse;
import java.util.Map;

/** An HTTP function behind the adapter, as a user would deploy it; run by the real runtime client in tests. */
public class RuntimeHttpHandler extends LambdaHandler {

    public RuntimeHttpHandler() {
        super((dev.portablefn.api.HttpFunction) (request, context) -> HttpResponse.ok().json(Map.of(
                "path", request.path(),
                "requestId", context.requestId(),
                "functionName", context.functionName(),
                "traceId", context.traceId().orElse("none"),
                "remainingMillis", context.remainingTime().toMillis())));
    }
}
