package dev.portablefn.testing;

import dev.portablefn.doubles.logging.RecordingLoggingProvider;
import dev.portablefn.doubles.logging.RecordingLoggingProvider.LoggedLine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every SLF4J line logged while a test runs (the function's, the library's access and failure lines, any other
 * logger's), with the invocation's identity from the MDC and the key-values, as {@link CapturedLog}s:
 * <pre>{@code
 * @RegisterExtension
 * final CapturedLogs logs = CapturedLogs.capture();
 *
 * assertThat(logs.lines()).anySatisfy(line -> assertThat(line.traceId()).contains(traceId));
 * }</pre>
 * It reads what {@link RecordingLoggingProvider} records, so the test JVM must log through it: set
 * {@code slf4j.provider=dev.portablefn.doubles.logging.RecordingLoggingProvider} in surefire's
 * {@code systemPropertyVariables}, with {@code slf4j-simple} on the test classpath. Lines of every thread count (a
 * LocalCloud delivery may run on another one); tests run in parallel should filter by request or trace id.
 */
public final class CapturedLogs implements BeforeEachCallback {

    private volatile long start;

    private CapturedLogs() {
        requireRecordingProvider();
        this.start = RecordingLoggingProvider.sequence();
    }

    /**
     * Starts capturing now; registered as a JUnit extension it starts again before each test.
     *
     * @return the capture
     * @throws IllegalStateException when SLF4J does not log through {@link RecordingLoggingProvider}
     */
    public static CapturedLogs capture() {
        return new CapturedLogs();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start = RecordingLoggingProvider.sequence();
    }

    /**
     * @return the lines logged since the capture started (or the current test began), oldest first
     */
    public List<CapturedLog> lines() {
        List<CapturedLog> lines = new ArrayList<>();
        for (LoggedLine line : RecordingLoggingProvider.linesSince(start)) {
            lines.add(new CapturedLog(line.time(), line.level().name(), line.logger(), line.message(), line.mdc(),
                    line.keyValues(), line.failure()));
        }
        return lines;
    }

    /** Forgets the lines logged so far: {@link #lines()} then starts from the next one. */
    public void clear() {
        start = RecordingLoggingProvider.sequence();
    }

    private static void requireRecordingProvider() {
        org.slf4j.LoggerFactory.getILoggerFactory();   // makes SLF4J choose its provider now
        if (!RecordingLoggingProvider.isActive()) {
            throw new IllegalStateException("CapturedLogs reads what RecordingLoggingProvider records, but SLF4J logs "
                    + "through another provider; set the system property slf4j.provider="
                    + RecordingLoggingProvider.class.getName() + " for the test JVM (surefire systemPropertyVariables) "
                    + "and put slf4j-simple on the test classpath");
        }
    }
}
