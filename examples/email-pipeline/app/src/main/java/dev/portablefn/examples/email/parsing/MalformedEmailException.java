package dev.portablefn.examples.email.parsing;

import dev.portablefn.api.PermanentFailure;

/**
 * A message that cannot be parsed. It is a {@link PermanentFailure}: retrying cannot fix the bytes,
 * so the event goes to the dead-letter queue with this message as the reason.
 */
public final class MalformedEmailException extends PermanentFailure {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the e-mail
     * @param cause   the parser's error or {@code null}
     */
    public MalformedEmailException(String message, Throwable cause) {
        super(message, cause);
    }
}
