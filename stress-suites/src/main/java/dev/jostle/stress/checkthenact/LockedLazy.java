package dev.jostle.stress.checkthenact;

import java.util.function.Supplier;

/** Fixed: the check and the act happen under one lock, so only the first caller creates. */
public final class LockedLazy<T> {

    private final Supplier<T> factory;
    private T value;

    public LockedLazy(Supplier<T> factory) {
        this.factory = factory;
    }

    public synchronized T get() {
        if (value == null) {
            value = factory.get();
        }
        return value;
    }
}
