package dev.jostle.engine;

/** How a round failed. */
public enum FailureKind {
    /** The round's body threw. */
    EXCEPTION("exception"),
    /** A thread the round started died with an uncaught exception or error. */
    THREAD_EXCEPTION("exception in a thread"),
    /** Threads of the round wait on each other in a cycle. */
    DEADLOCK("deadlock"),
    /** The round outlived its timeout without a deadlock: a hang, a livelock, or a lost wake-up. */
    TIMEOUT("timeout"),
    /**
     * The round outlived its timeout, and a second one spent loading classes, while still loading classes:
     * the cost of loading and instrumenting the program, not evidence of a hang.
     */
    LOADING_TIMEOUT("timeout while loading classes"),
    /** The body returned while threads it started were still running. */
    LEFTOVER_THREADS("threads left running"),
    /** The program asked to exit with a non-zero status. */
    EXIT("non-zero exit"),
    /** The round printed a line that says it failed (hunt's {@code --fail-on-output}). */
    OUTPUT("failing output");

    private final String label;

    FailureKind(String label) {
        this.label = label;
    }

    /** The round ran out of time (a hang, or still loading classes). */
    public boolean outOfTime() {
        return this == TIMEOUT || this == LOADING_TIMEOUT;
    }

    /** A short human name, as used in reports and JSON. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
