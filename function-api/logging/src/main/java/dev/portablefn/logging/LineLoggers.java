package dev.portablefn.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** The loggers SLF4J hands out, one per name, all writing through the output configured last. */
final class LineLoggers implements ILoggerFactory {

    private final ConcurrentMap<String, LineLogger> loggers = new ConcurrentHashMap<>();
    private final ThreadMdc mdc;
    private volatile LogOutput output;

    LineLoggers(ThreadMdc mdc) {
        this.mdc = mdc;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, created -> new LineLogger(created, this));
    }

    LogOutput output() {
        return output;
    }

    void configure(LogOutput output) {
        this.output = output;
    }

    /** Writes a line with the logging thread's MDC. */
    void write(LogLine line) {
        output.write(line, mdc.current());
    }
}
