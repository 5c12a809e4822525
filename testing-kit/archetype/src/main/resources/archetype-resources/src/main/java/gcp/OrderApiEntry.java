package ${package}.gcp;

import ${package}.OrderApi;
import dev.portablefn.gcp.GcpHttpFunction;

/** Google Cloud Functions entry of the order API: {@code --entry-point=${package}.gcp.OrderApiEntry}. */
public final class OrderApiEntry extends GcpHttpFunction {

    /** Called once per instance by the Functions Framework. */
    public OrderApiEntry() {
        super(new OrderApi());
    }
}
