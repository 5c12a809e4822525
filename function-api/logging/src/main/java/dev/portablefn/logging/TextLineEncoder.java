package dev.portablefn.logging;

import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.http.Redaction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * Writes a line as readable text for local runs: time, level, logger, request id, the redacted message and its
 * key-values ({@code key="value"}), then on the lines after it the stack trace of an unexpected failure (of a
 * {@link PermanentFailure}, its type and message).
 */
final class TextLineEncoder implements LogOutput.LineEncoder {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    /** Longer logger names have their leading packages cut to initials, as logback's {@code %logger{36}} does. */
    private static final int LOGGER_WIDTH = 36;
    private static final int LEVEL_WIDTH = 5;

    @Override
    public byte[] encode(LogLine line, Map<String, String> mdc) {
        StringBuilder text = new StringBuilder(160);
        TIME.formatTo(line.time(), text);
        String level = line.level().name();
        text.append(' ').append(level).append(" ".repeat(Math.max(0, LEVEL_WIDTH - level.length())));
        text.append(' ').append(abbreviate(line.logger()));
        String requestId = mdc.get(FieldNames.REQUEST_ID);
        text.append(' ').append(requestId == null ? "" : requestId);
        text.append(" - ").append(Redaction.hideSecrets(line.message()));
        if (line.keyValues() != null) {
            for (KeyValuePair pair : line.keyValues()) {
                Object value = Redaction.marksCredential(pair.key) ? Redaction.MASK : pair.value;
                text.append(' ').append(pair.key).append("=\"")
                        .append(value == null ? "null" : Redaction.hideSecrets(value.toString())).append('"');
            }
        }
        text.append(System.lineSeparator());
        Throwable failure = line.failure();
        if (failure != null) {   // as in JSON: the caller's doing is explained by its message, no stack trace
            String shown = failure instanceof PermanentFailure ? failure.toString() : JsonLineEncoder.stackTrace(failure);
            text.append(Redaction.hideSecrets(shown)).append(System.lineSeparator());
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code dev.portablefn.examples.learning.CloudDeployment} → {@code d.p.e.learning.CloudDeployment}. */
    static String abbreviate(String logger) {
        if (logger.length() <= LOGGER_WIDTH) {
            return logger;
        }
        String[] parts = logger.split("\\.");
        int length = logger.length();
        StringBuilder shortened = new StringBuilder(LOGGER_WIDTH);
        for (int i = 0; i < parts.length - 1; i++) {
            if (length > LOGGER_WIDTH && parts[i].length() > 1) {
                length -= parts[i].length() - 1;
                shortened.append(parts[i].charAt(0));
            } else {
                shortened.append(parts[i]);
            }
            shortened.append('.');
        }
        return shortened.append(parts[parts.length - 1]).toString();
    }
}
