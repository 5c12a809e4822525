package dev.portablefn.testing.localcloud;

import dev.portablefn.runtime.internal.FunctionRunner;
import dev.portablefn.testing.FunctionTester;

/**
 * A function deployed to LocalCloud: its runner, the provider adapter its deliveries go through on a cloud preset,
 * its options and how many of its invocations are still running.
 */
final class DeployedFunction {

    final String name;
    /** Runs HTTP requests, and deliveries on the {@code LOCAL} preset. */
    final FunctionRunner runner;
    /** Runs deliveries through the preset's provider adapter; {@code null} on the {@code LOCAL} preset and for HTTP. */
    final FunctionTester adapter;
    final FunctionOptions options;
    /** Invocations that have started and not yet completed on the virtual clock; bounded by the concurrency limit. */
    int inFlight;

    DeployedFunction(String name, FunctionRunner runner, FunctionTester adapter, FunctionOptions options) {
        this.name = name;
        this.runner = runner;
        this.adapter = adapter;
        this.options = options;
    }
}
