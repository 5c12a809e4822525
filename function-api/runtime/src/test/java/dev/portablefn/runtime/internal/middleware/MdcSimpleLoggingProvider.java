package dev.portablefn.runtime.internal.middleware;

import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * slf4j-simple for this module's tests, but with a working MDC: slf4j-simple ships a no-op MDC,
 * which would make the logging-context tests unable to see what the middleware puts there.
 * Registered in {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider} of the test classpath.
 */
public final class MdcSimpleLoggingProvider extends SimpleServiceProvider {

    private final MDCAdapter mdc = new BasicMDCAdapter();

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }
}
