package dev.portablefn.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.http.Redaction;
import java.io.IOException;
import net.logstash.logback.composite.AbstractJsonProvider;

/**
 * Writes the failure a line was logged with: its type and message always, its stack trace only when the failure was
 * unexpected. A {@link PermanentFailure} (invalid input, a rejected event) is the caller's doing and already
 * explained by its message, so a stack trace would only bury it. Messages and traces have credentials hidden. On GCP
 * the {@code stack_trace} field is what Error Reporting groups errors by.
 */
final class FailureProvider extends AbstractJsonProvider<ILoggingEvent> {

    private final FieldNames names;

    FailureProvider(FieldNames names) {
        this.names = names;
    }

    @Override
    public void writeTo(JsonGenerator generator, ILoggingEvent event) throws IOException {
        IThrowableProxy failure = event.getThrowableProxy();
        if (failure == null) {
            return;
        }
        generator.writeStringField(FieldNames.ERROR_TYPE, failure.getClassName());
        generator.writeStringField(FieldNames.ERROR_MESSAGE, Redaction.hideSecrets(failure.getMessage()));
        if (!isUnexpected(failure)) {
            return;
        }
        String trace = Redaction.hideSecrets(ThrowableProxyUtil.asString(failure));
        if (names.stackAsLines()) {
            generator.writeArrayFieldStart(names.stackTrace());
            for (String line : trace.split("\n")) {
                generator.writeString(line.strip());
            }
            generator.writeEndArray();
        } else {
            generator.writeStringField(names.stackTrace(), trace);
        }
    }

    private static boolean isUnexpected(IThrowableProxy failure) {
        return !(failure instanceof ThrowableProxy proxy && proxy.getThrowable() instanceof PermanentFailure);
    }
}
