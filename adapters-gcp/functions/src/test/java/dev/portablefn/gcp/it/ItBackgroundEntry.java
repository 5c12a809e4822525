package dev.portablefn.gcp.it;

import dev.portablefn.gcp.GcpBackgroundFunction;

/** The legacy background entry point the invoker test deploys. */
public class ItBackgroundEntry extends GcpBackgroundFunction {
    /** Called by the invoker. */
    public ItBackgroundEntry() {
        super(new RecordingEventFunction());
    }
}
