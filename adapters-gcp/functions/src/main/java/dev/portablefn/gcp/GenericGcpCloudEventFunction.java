package dev.portablefn.gcp;

import dev.portablefn.api.PortableFunction;

/**
 * Deploys the function class named by {@code PORTABLEFN_FUNCTION} (or the {@code portablefn.function}
 * system property) as a CloudEvents (gen2 event) function, without writing an entry class: use this class as the entry point.
 * Fails at startup, naming the fix, when the variable is unset or the class cannot be used.
 */
public final class GenericGcpCloudEventFunction extends GcpCloudEventFunction {

    /** Reads the function class from the environment once, when the framework creates the instance. */
    public GenericGcpCloudEventFunction() {
        super(PortableFunction.fromEnvironment());
    }
}
