package dev.portablefn.testing.localcloud;

import dev.portablefn.api.Context;
import dev.portablefn.api.Provider;
import dev.portablefn.api.TraceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * What a function run behind a provider adapter sees in LocalCloud: LocalCloud's invocation (its request id and
 * function name, virtual clock and deadline, trace, recorded logger, {@code unwrap(LocalCloud.class)}) on the
 * adapter's provider; {@code unwrap} also reaches the provider's native context.
 *
 * @param local   LocalCloud's invocation
 * @param adapter the context the adapter built from the provider's
 */
record AdapterContext(InvocationContext local, Context adapter) implements Context {

    @Override
    public String requestId() {
        return local.requestId();
    }

    @Override
    public String functionName() {
        return local.functionName();
    }

    @Override
    public Provider provider() {
        return adapter.provider();
    }

    @Override
    public Optional<Instant> deadline() {
        return local.deadline();
    }

    @Override
    public Optional<TraceContext> trace() {
        return local.trace();
    }

    @Override
    public Clock clock() {
        return local.clock();
    }

    @Override
    public Logger logger() {
        return local.logger();
    }

    @Override
    public <U> U unwrap(Class<U> type) {
        return type.isInstance(local.cloud()) ? type.cast(local.cloud()) : adapter.unwrap(type);
    }
}
