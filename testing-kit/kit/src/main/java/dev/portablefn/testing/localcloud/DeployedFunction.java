package dev.portablefn.testing.localcloud;

import dev.portablefn.runtime.internal.FunctionRunner;

/** A function deployed to LocalCloud: its runner, its options and how many of its invocations are still running. */
final class DeployedFunction {

    final String name;
    final FunctionRunner runner;
    final FunctionOptions options;
    /** Invocations that have started and not yet completed on the virtual clock; bounded by the concurrency limit. */
    int inFlight;

    DeployedFunction(String name, FunctionRunner runner, FunctionOptions options) {
        this.name = name;
        this.runner = runner;
        this.options = options;
    }
}
