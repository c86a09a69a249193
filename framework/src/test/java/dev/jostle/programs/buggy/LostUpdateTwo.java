package dev.jostle.programs.buggy;

/**
 * Lost update, 2 threads, narrow window. Main records a hit itself, then two threads each record one with
 * {@code hits++}. The second thread usually starts long after the first has finished, so every increment
 * lands. Breaks when one thread is paused between reading and writing hits while the other does its
 * increment.
 *
 * <p>Main goes through {@code hit()} first, as a program would before handing work to threads: the round's
 * freshly loaded code is then already linked when the threads race. Without that, both threads link the
 * same cold code at the same moment, which lines them up and loses an update every few hundred plain runs.
 */
public class LostUpdateTwo {
    static int hits;

    static void hit() {
        hits++;
    }

    public static void main(String[] args) throws InterruptedException {
        hit();
        Thread a = new Thread(LostUpdateTwo::hit, "a");
        Thread b = new Thread(LostUpdateTwo::hit, "b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (hits != 3) {
            throw new AssertionError("lost update: hits = " + hits + ", expected 3");
        }
    }
}
