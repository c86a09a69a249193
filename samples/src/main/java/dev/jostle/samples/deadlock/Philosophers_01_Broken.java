/*
 * Deadlock: the dining philosophers.
 *
 * Every philosopher picks up the fork on the left, then the fork on the right. If all five pick up their
 * left fork at about the same time, every right fork is someone's left fork, already taken:
 *
 *   philosopher-0 holds fork 0, waits for fork 1
 *   philosopher-1 holds fork 1, waits for fork 2
 *   ...
 *   philosopher-4 holds fork 4, waits for fork 0      <- a cycle: nobody eats again
 *
 * Why it usually passes anyway. A meal takes well under a microsecond and the philosophers' threads start
 * one after another, tens of microseconds apart: they rarely all hold a left fork at once.
 *
 * How Jostle catches it. Noise at the monitor enter of the right fork (and at the plate's counter) keeps
 * philosophers sitting with a left fork in hand while the others reach for theirs; once all five do, the
 * round runner finds the five-thread cycle and reports it with every stack.
 *
 * The fixes:
 *   Philosophers_02_Ordered - every philosopher picks up the lower-numbered fork first. The last
 *                             philosopher then reaches for fork 0 before fork 4, which breaks the circle:
 *                             one global order of locks admits no cycle.
 *   Philosophers_03_Waiter  - a waiter (a queue of four seat tokens) lets at most four philosophers reach
 *                             for forks at once; with one seat empty, at least one of them can get both.
 *   Philosophers_04_Messages - the table is one immutable setting swapped whole with compareAndSet: a
 *                             philosopher takes both forks in one step or none, so nobody holds a fork while
 *                             waiting for another, and no circle of waiting can form.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Philosophers
 */
package dev.jostle.samples.deadlock;

/** Left fork, then right fork, for everyone: broken. */
public final class Philosophers_01_Broken implements Table {

    private final Object[] forks = new Object[SEATS];
    private int meals;

    public Philosophers_01_Broken() {
        for (int i = 0; i < SEATS; i++) {
            forks[i] = new Object();
        }
    }

    @Override
    public void eat(int seat) {
        Object left = forks[seat];
        Object right = forks[(seat + 1) % SEATS];
        synchronized (left) {
            synchronized (right) {
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
