package dev.portablefn.cli;

/** A problem with the command line or its input, reported as one line on stderr with exit status 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
