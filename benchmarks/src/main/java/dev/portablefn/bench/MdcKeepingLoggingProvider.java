package dev.portablefn.bench;

import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * slf4j-simple with a working MDC (a thread-local map, like logback's), so the warm benchmarks can also be run the
 * way a function that logs through logback pays for its logging context: {@code run.sh} runs the HTTP paths a second
 * time with {@code -Dslf4j.provider=dev.portablefn.bench.MdcKeepingLoggingProvider}. slf4j-simple itself keeps no
 * MDC, so the library skips filling one.
 */
public final class MdcKeepingLoggingProvider extends SimpleServiceProvider {

    private final MDCAdapter mdc = new BasicMDCAdapter();

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }
}
