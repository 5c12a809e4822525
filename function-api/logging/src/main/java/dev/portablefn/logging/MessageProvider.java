package dev.portablefn.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.portablefn.api.http.Redaction;
import java.io.IOException;
import net.logstash.logback.composite.AbstractJsonProvider;

/** Writes a line's level in the format's words and its message with every quoted credential hidden. */
final class MessageProvider extends AbstractJsonProvider<ILoggingEvent> {

    private final FieldNames names;

    MessageProvider(FieldNames names) {
        this.names = names;
    }

    @Override
    public void writeTo(JsonGenerator generator, ILoggingEvent event) throws IOException {
        generator.writeStringField(names.level(), names == FieldNames.GCP ? severity(event.getLevel()) : event.getLevel().toString());
        generator.writeStringField(FieldNames.MESSAGE, Redaction.hideSecrets(event.getFormattedMessage()));
    }

    /** Cloud Logging's {@code LogSeverity} names: it knows no TRACE and spells WARN out. */
    static String severity(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> "ERROR";
            case Level.WARN_INT -> "WARNING";
            case Level.INFO_INT -> "INFO";
            default -> "DEBUG";
        };
    }
}
