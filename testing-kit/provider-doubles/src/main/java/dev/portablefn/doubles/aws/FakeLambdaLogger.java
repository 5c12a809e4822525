package dev.portablefn.doubles.aws;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Lambda {@link LambdaLogger} that keeps every line in memory, so a test can assert what a handler wrote to
 * Lambda's log stream. Thread-safe.
 */
public final class FakeLambdaLogger implements LambdaLogger {

    private final List<String> lines = new ArrayList<>();

    /** Makes a logger with no lines yet. */
    public FakeLambdaLogger() {
    }

    /**
     * Typed as the interface: a caller keeping the result as a {@code LambdaLogger} then needs no assignability check
     * when it is verified, which would load {@code LambdaLogger} even if no one ever logs.
     */
    static LambdaLogger create() {
        return new FakeLambdaLogger();
    }

    /**
     * Keeps one line.
     *
     * @param message the line; {@code null} is kept as {@code "null"}, as Lambda prints it
     */
    @Override
    public synchronized void log(String message) {
        lines.add(String.valueOf(message));
    }

    /**
     * Keeps one line given as UTF-8 bytes.
     *
     * @param message the line's bytes; {@code null} is kept as {@code "null"}
     */
    @Override
    public void log(byte[] message) {
        log(message == null ? "null" : new String(message, StandardCharsets.UTF_8));
    }

    /**
     * Keeps one line with its level in front, as Lambda's text log format shows it.
     *
     * @param message the line
     * @param level   the level; {@code null} or {@code UNDEFINED} adds nothing
     */
    @Override
    public void log(String message, LogLevel level) {
        log(level == null || level == LogLevel.UNDEFINED ? message : "[" + level + "] " + message);
    }

    /**
     * Tells what was logged.
     *
     * @return the lines logged so far, in order
     */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
