package dev.portablefn.bench.fakes;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.TraceContext;
import java.util.Map;
import java.util.logging.Logger;

/** The Azure worker's execution context: invocation id, function name, a JUL logger, the W3C trace context. */
public final class FakeExecutionContext implements ExecutionContext {

    private static final Logger LOGGER = Logger.getLogger("Host.Function.orders");

    /** The worker's trace context: built once per invocation from the host's message, a field read after that. */
    private static final TraceContext TRACE = new TraceContext() {
        @Override
        public String getTraceparent() {
            return "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        }

        @Override
        public String getTracestate() {
            return "";
        }

        @Override
        public Map<String, String> getAttributes() {
            return Map.of();
        }
    };

    private final String invocationId;

    /** @param invocationId the invocation id */
    public FakeExecutionContext(String invocationId) {
        this.invocationId = invocationId;
    }

    @Override
    public Logger getLogger() {
        return LOGGER;
    }

    @Override
    public String getInvocationId() {
        return invocationId;
    }

    @Override
    public String getFunctionName() {
        return "orders";
    }

    @Override
    public TraceContext getTraceContext() {
        return TRACE;
    }
}
