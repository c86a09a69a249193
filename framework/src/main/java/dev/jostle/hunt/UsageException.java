package dev.jostle.hunt;

/** Bad input on the command line or a program that cannot be run: the hunt stops with status 2. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
