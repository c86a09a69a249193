package dev.jostle.engine;

import java.util.function.LongSupplier;

/**
 * The wall-clock time a round spent loading classes: while any of its threads was inside its class loader
 * (reading, defining, and instrumenting a class). That is Jostle's cost, or the JVM's, not the program's, so
 * a {@link RoundRunner} given one does not count it against the round timeout (up to a second timeout).
 * Nested and concurrent loads count once: the time counted is the time at least one load was under way.
 */
public final class LoadingTime {

    private final LongSupplier clock;
    private int loading;
    private long since;
    private long total;

    public LoadingTime() {
        this(System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime()} */
    public LoadingTime(LongSupplier clock) {
        this.clock = clock;
    }

    /** A thread starts loading a class. */
    public synchronized void enter() {
        if (loading++ == 0) {
            since = clock.getAsLong();
        }
    }

    /** The load {@link #enter()} announced is over (it may have failed). */
    public synchronized void exit() {
        if (--loading == 0) {
            total += clock.getAsLong() - since;
        }
    }

    /** Nanoseconds spent loading so far, the load under way included. */
    public synchronized long nanos() {
        return total + (loading > 0 ? clock.getAsLong() - since : 0);
    }

    /** Whether a class is being loaded right now. */
    public synchronized boolean loading() {
        return loading > 0;
    }
}
