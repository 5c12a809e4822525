package dev.portablefn.gcp.it;

import dev.portablefn.gcp.GcpCloudEventFunction;

/** The CloudEvents entry point the invoker test deploys. */
public class ItCloudEventEntry extends GcpCloudEventFunction {
    /** Called by the invoker. */
    public ItCloudEventEntry() {
        super(new RecordingEventFunction());
    }
}
