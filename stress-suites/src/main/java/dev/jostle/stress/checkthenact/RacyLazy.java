package dev.jostle.stress.checkthenact;

import java.util.function.Supplier;

/**
 * Broken lazy initialisation: "if (value == null) value = create()" is a check then an act. Two threads
 * can both see null and both create, so callers end up holding two different instances of what was meant
 * to be one.
 */
public final class RacyLazy<T> {

    private final Supplier<T> factory;
    private T value;

    public RacyLazy(Supplier<T> factory) {
        this.factory = factory;
    }

    public T get() {
        if (value == null) {
            value = factory.get();
        }
        return value;
    }
}
