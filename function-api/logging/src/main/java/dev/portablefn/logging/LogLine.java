package dev.portablefn.logging;

import java.time.Instant;
import java.util.List;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;

/**
 * One log call, as the encoders write it.
 *
 * @param time      when it was logged
 * @param level     its level
 * @param logger    the logger's name
 * @param message   the message with its arguments filled in, not yet redacted
 * @param failure   the failure logged with it, or {@code null}
 * @param keyValues the key-values of a fluent call, or {@code null}
 */
record LogLine(Instant time, Level level, String logger, String message, Throwable failure,
               List<KeyValuePair> keyValues) {
}
