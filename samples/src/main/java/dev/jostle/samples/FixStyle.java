package dev.jostle.samples;

/** How a variant deals with shared state: not at all (broken), or one of the three ways out. */
public enum FixStyle {
    /** The bug as people write it: works in most runs, broken. */
    BROKEN("broken"),
    /** One owner at a time: {@code synchronized}, a {@code java.util.concurrent} lock, an atomic or a volatile. */
    LOCK("lock"),
    /** Nothing shared is ever changed: immutable records or final-field objects, swapped or handed over whole. */
    MESSAGES("messages"),
    /** Each piece of state has one owning thread; others talk to it through a {@code BlockingQueue}. */
    CHANNEL("channel");

    private final String label;

    FixStyle(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
