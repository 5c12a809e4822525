package ${package}.gcp;

import ${package}.OrderPlaced;
import dev.portablefn.gcp.GcpCloudEventFunction;

/** Google Cloud Functions entry of the order messages (a Pub/Sub trigger): {@code --entry-point=${package}.gcp.OrderPlacedEntry}. */
public final class OrderPlacedEntry extends GcpCloudEventFunction {

    /** Called once per instance by the Functions Framework. */
    public OrderPlacedEntry() {
        super(OrderPlaced.create());
    }
}
