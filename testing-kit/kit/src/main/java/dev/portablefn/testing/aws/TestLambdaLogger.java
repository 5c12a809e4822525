package dev.portablefn.testing.aws;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Lambda {@link LambdaLogger} that keeps every line in memory, so a test can assert what a handler
 * wrote to Lambda's log stream. Thread-safe.
 */
public final class TestLambdaLogger implements LambdaLogger {

    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void log(String message) {
        lines.add(String.valueOf(message));
    }

    @Override
    public void log(byte[] message) {
        log(message == null ? "null" : new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public void log(String message, LogLevel level) {
        log(level == null || level == LogLevel.UNDEFINED ? message : "[" + level + "] " + message);
    }

    /** @return the lines logged so far, in order */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
