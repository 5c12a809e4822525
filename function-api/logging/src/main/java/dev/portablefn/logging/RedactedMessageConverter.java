package dev.portablefn.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.portablefn.api.http.Redaction;

/** The text format's {@code %message}, with every quoted credential hidden as the JSON formats hide it. */
final class RedactedMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Redaction.hideSecrets(event.getFormattedMessage());
    }
}
