package dev.jostle.programs.buggy;

/**
 * Lost update, 2 threads, narrow window. Each thread does {@code hits++} once. The second thread usually
 * starts long after the first has finished, so both increments land. Breaks when one thread is paused
 * between reading and writing hits while the other does its increment.
 */
public class LostUpdateTwo {
    static int hits;

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> hits++, "a");
        Thread b = new Thread(() -> hits++, "b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (hits != 2) {
            throw new AssertionError("lost update: hits = " + hits + ", expected 2");
        }
    }
}
