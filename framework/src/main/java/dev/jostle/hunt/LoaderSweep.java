package dev.jostle.hunt;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Clears away the class loaders of finished rounds, at a moment when no round is running.
 *
 * <p>Every round defines the program in its own class loader. A young collection does not unload classes,
 * so the loaders of finished rounds pile up until a concurrent cycle or a full collection runs, and every
 * young pause meanwhile scans them all: in a 10 s hunt the pauses grew from 4 ms to 14 ms. A pause stops
 * every thread of a running round at once while sleeping threads' clocks go on, which is noise of its own
 * (a plain program with a 10 ms margin between its racing steps failed right after such pauses). So every
 * {@value #ROUNDS} rounds, the round runners wait while running rounds finish, one of them asks for a full
 * collection ({@link System#gc()}, which unloads the dead loaders), and rounds go on. A collection that took
 * long (a program with a large heap) spaces out the next ones, so that sweeping costs at most about
 * 1/{@value #SPACING} of the hunt's time. With {@code -XX:+DisableExplicitGC} this does nothing.
 */
final class LoaderSweep {

    static final int ROUNDS = 256;
    static final int SPACING = 20;

    /** Rounds hold it shared; a sweep holds it alone. Fair, so a waiting sweep is not starved by new rounds. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock(true);
    private final AtomicInteger roundsSinceSweep = new AtomicInteger();
    private volatile long notBeforeNanos;
    private final Runnable collector;
    private final int spacing;

    LoaderSweep() {
        this(System::gc, SPACING);
    }

    /** {@code spacing}: after a sweep that took t, the next one waits at least {@code spacing * t}. */
    LoaderSweep(Runnable collector, int spacing) {
        this.collector = collector;
        this.spacing = spacing;
    }

    /** Runs one round, after a sweep if one is due; rounds run at once by other threads go on meanwhile. */
    <T> T round(Supplier<T> round) {
        if (roundsSinceSweep.incrementAndGet() >= ROUNDS && System.nanoTime() >= notBeforeNanos) {
            sweep();
        }
        gate.readLock().lock();
        try {
            return round.get();
        } finally {
            gate.readLock().unlock();
        }
    }

    private void sweep() {
        gate.writeLock().lock();
        try {
            if (roundsSinceSweep.get() < ROUNDS) {
                return; // another runner swept while this one waited
            }
            long start = System.nanoTime();
            collector.run();
            long took = System.nanoTime() - start;
            notBeforeNanos = System.nanoTime() + spacing * took;
            roundsSinceSweep.addAndGet(-ROUNDS); // rounds counted while this one waited count towards the next
        } finally {
            gate.writeLock().unlock();
        }
    }
}
