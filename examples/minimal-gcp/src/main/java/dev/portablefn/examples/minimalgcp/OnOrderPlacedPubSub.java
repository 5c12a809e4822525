package dev.portablefn.examples.minimalgcp;

import dev.portablefn.gcp.GcpCloudEventFunction;

/** The Cloud Functions entry point for {@link OnOrderPlaced}, triggered by Pub/Sub messages on {@code orders}. */
public class OnOrderPlacedPubSub extends GcpCloudEventFunction {

    /** Called once per instance by the Functions Framework. */
    public OnOrderPlacedPubSub() {
        super(new OnOrderPlaced());
    }
}
