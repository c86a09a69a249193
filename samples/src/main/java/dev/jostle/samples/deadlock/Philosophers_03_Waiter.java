/*
 * Dining philosophers, fixed with a waiter who hands out seat tokens through a queue.
 *
 * The waiter is a queue holding four tokens for five philosophers. A philosopher takes a token before
 * reaching for forks and gives it back after eating. With at most four philosophers reaching at once, at
 * least one of them finds both forks free, eats and returns its forks: the circle of five that deadlocks
 * can never close. The forks are still picked up left-then-right; the channel alone breaks the cycle.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Philosophers
 */
package dev.jostle.samples.deadlock;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** At most four philosophers reach for forks, admitted by tokens on a queue. */
public final class Philosophers_03_Waiter implements Table {

    private final Object[] forks = new Object[SEATS];
    private final BlockingQueue<Object> seatTokens = new ArrayBlockingQueue<>(SEATS - 1);
    private int meals;

    public Philosophers_03_Waiter() {
        for (int i = 0; i < SEATS; i++) {
            forks[i] = new Object();
        }
        for (int i = 0; i < SEATS - 1; i++) {
            seatTokens.add(new Object());
        }
    }

    @Override
    public void eat(int seat) {
        Object token;
        try {
            token = seatTokens.take();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the waiter");
        }
        try {
            synchronized (forks[seat]) {
                synchronized (forks[(seat + 1) % SEATS]) {
                    synchronized (this) {
                        meals++;
                    }
                }
            }
        } finally {
            seatTokens.add(token);
        }
    }

    @Override
    public synchronized int meals() {
        return meals;
    }
}
