package dev.portablefn.examples.minimalgcp;

import dev.portablefn.gcp.GcpHttpFunction;

/** The Cloud Functions entry point for {@link Hello}: {@code --entry-point dev.portablefn.examples.minimalgcp.HelloHttp}. */
public class HelloHttp extends GcpHttpFunction {

    /** Called once per instance by the Functions Framework. */
    public HelloHttp() {
        super(new Hello());
    }
}
