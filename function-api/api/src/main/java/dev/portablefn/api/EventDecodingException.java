package dev.portablefn.api;

/**
 * A provider payload that an adapter cannot decode: malformed JSON, a missing or mistyped field,
 * bad base64, an unknown event shape. Its message names the source, the field and what was
 * expected. Never retried: the same bytes would fail the same way.
 */
public final class EventDecodingException extends PermanentFailure {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure for a payload that cannot be decoded.
     *
     * @param message what could not be decoded and where, such as
     *                {@code "SQS record 3: 'body' is missing"}
     */
    public EventDecodingException(String message) {
        super(message);
    }

    /**
     * Creates the failure for a payload that cannot be decoded, keeping the parser's error.
     *
     * @param message what could not be decoded and where
     * @param cause   the parser's error
     */
    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
