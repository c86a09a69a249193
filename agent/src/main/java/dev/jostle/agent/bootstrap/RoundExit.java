package dev.jostle.agent.bootstrap;

/**
 * Thrown instead of ending the JVM when a thread bound to a round calls {@code System.exit},
 * {@code Runtime.exit} or {@code Runtime.halt}: a hunt runs the program's {@code main} thousands of times in
 * one JVM, so an exit is the round's outcome, not the end of the hunt. The code that runs the round reads
 * {@link #status()}; its stack trace shows where the program asked to exit.
 */
public final class RoundExit extends Error {

    private static final long serialVersionUID = 1L;

    private final int status;

    public RoundExit(String call, int status) {
        super(call + "(" + status + ") was called");
        this.status = status;
    }

    public int status() {
        return status;
    }
}
