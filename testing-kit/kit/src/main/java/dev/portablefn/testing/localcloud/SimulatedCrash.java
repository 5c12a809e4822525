package dev.portablefn.testing.localcloud;

/** Thrown by a function to simulate its process dying: the invocation reports nothing. */
final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash() {
        super("simulated crash: the invocation reports nothing; its messages reappear after their visibility timeout",
                null, false, false);
    }
}
