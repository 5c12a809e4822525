package dev.portablefn.deployment;

/**
 * A declaration a provider cannot honour, or one that contradicts itself: the message starts with the path of the
 * field at fault ({@code functions[courses].timeout: ...}) and says what would be accepted.
 */
public final class DeclarationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    DeclarationException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** @return the path of the field at fault, e.g. {@code functions[courses].timeout} */
    public String field() {
        return field;
    }
}
