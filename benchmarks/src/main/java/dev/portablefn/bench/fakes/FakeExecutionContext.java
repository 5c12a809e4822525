package dev.portablefn.bench.fakes;

import com.microsoft.azure.functions.ExecutionContext;
import java.util.logging.Logger;

/** The Azure worker's execution context: invocation id, function name, a JUL logger. */
public final class FakeExecutionContext implements ExecutionContext {

    private static final Logger LOGGER = Logger.getLogger("Host.Function.orders");

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
}
