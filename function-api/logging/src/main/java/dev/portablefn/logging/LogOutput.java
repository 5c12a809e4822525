package dev.portablefn.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where lines go and how: the format and levels the environment asks for, and the stream each encoded line is written
 * to in one piece, so lines of concurrent invocations never interleave.
 */
final class LogOutput {

    private final LogFormat format;
    private final LogLevels levels;
    private final LineEncoder encoder;
    private final OutputStream out;
    private boolean failedBefore;

    private LogOutput(LogFormat format, LogLevels levels, LineEncoder encoder, OutputStream out) {
        this.format = format;
        this.levels = levels;
        this.encoder = encoder;
        this.out = out;
    }

    /**
     * The output a process with {@code environment} gets.
     *
     * @throws IllegalArgumentException if a setting names no format or level
     */
    static LogOutput of(UnaryOperator<String> environment, OutputStream out) {
        LogFormat format = LogFormat.of(environment);
        LineEncoder encoder = format == LogFormat.TEXT ? new TextLineEncoder() : new JsonLineEncoder(format, environment);
        return new LogOutput(format, LogLevels.of(environment), encoder, out);
    }

    LogFormat format() {
        return format;
    }

    LogLevels levels() {
        return levels;
    }

    /** Writes a line logged while the logging thread's MDC held {@code mdc}. */
    void write(LogLine line, Map<String, String> mdc) {
        byte[] encoded = encoder.encode(line, mdc);
        synchronized (this) {
            try {
                out.write(encoded);
                out.flush();
            } catch (IOException e) {
                if (!failedBefore) {   // said once: a broken standard output would otherwise repeat it per line
                    failedBefore = true;
                    System.err.println("portablefn-logging cannot write log lines: " + e);
                }
            }
        }
    }

    /** Turns one line into the bytes written for it, the line break included. */
    interface LineEncoder {

        /**
         * Encodes a line.
         *
         * @param line the log call
         * @param mdc  the logging thread's MDC at the call
         * @return the line's bytes in UTF-8, ending with a line break
         */
        byte[] encode(LogLine line, Map<String, String> mdc);
    }
}
