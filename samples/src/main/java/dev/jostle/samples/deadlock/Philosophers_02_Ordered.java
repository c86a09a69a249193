/*
 * Dining philosophers, fixed with a global order of forks.
 *
 * Each philosopher picks up the lower-numbered of its two forks first. For four of them that is the left
 * fork, as before; the fifth (between fork 4 and fork 0) now reaches for fork 0 first. A cycle of waiting
 * would need someone holding a higher fork while waiting for a lower one; under this order nobody does,
 * so no deadlock can form, however the threads are scheduled.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Philosophers
 */
package dev.jostle.samples.deadlock;

/** Lower-numbered fork first. */
public final class Philosophers_02_Ordered implements Table {

    private final Object[] forks = new Object[SEATS];
    private int meals;

    public Philosophers_02_Ordered() {
        for (int i = 0; i < SEATS; i++) {
            forks[i] = new Object();
        }
    }

    @Override
    public void eat(int seat) {
        int left = seat;
        int right = (seat + 1) % SEATS;
        synchronized (forks[Math.min(left, right)]) {
            synchronized (forks[Math.max(left, right)]) {
                synchronized (this) {
                    meals++;
                }
            }
        }
    }

    @Override
    public synchronized int meals() {
        return meals;
    }
}
