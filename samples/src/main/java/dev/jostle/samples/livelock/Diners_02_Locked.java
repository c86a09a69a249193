/*
 * Livelock (polite diners), fixed with a lock.
 *
 * The spoon is a lock and nobody offers it to anyone: a diner waits for it, eats, lets go. Waiting on a
 * lock is blocking, not busy courtesy, and the lock always ends up with somebody who then makes progress.
 * (A lock alone can starve a diner in theory; with two diners who each eat once it cannot.)
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Diners
 */
package dev.jostle.samples.livelock;

/** Whoever holds the spoon's lock eats. */
public final class Diners_02_Locked implements Spoon {

    private final Object spoon = new Object();
    private int meals;

    @Override
    public void dine(int me) {
        synchronized (spoon) {
            meals++;
        }
    }

    @Override
    public int meals() {
        synchronized (spoon) {
            return meals;
        }
    }
}
