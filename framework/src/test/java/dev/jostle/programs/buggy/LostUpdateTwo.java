package dev.jostle.programs.buggy;

/**
 * Lost update, 2 threads, narrow window, 5 ms margin. Main records a hit itself, then two threads each
 * record one with {@code hits++}; the second first spends 5 ms reading its request, so it increments long
 * after the first has finished, and every increment lands. Breaks only when the first thread is paused
 * for longer than that between reading and writing hits.
 *
 * <p>Main goes through {@code hit()} first, as a program would before handing work to threads: the round's
 * freshly loaded code is then already linked when the threads race. Without that, both threads link the
 * same cold code at the same moment, which lines them up and loses an update every few hundred plain runs.
 */
public class LostUpdateTwo {
    static final long MARGIN_MILLIS = 5;
    static int hits;

    static void hit() {
        hits++;
    }

    public static void main(String[] args) throws InterruptedException {
        hit();
        Thread a = new Thread(LostUpdateTwo::hit, "a");
        Thread b = new Thread(() -> {
            readRequest(MARGIN_MILLIS);
            hit();
        }, "b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (hits != 3) {
            throw new AssertionError("lost update: hits = " + hits + ", expected 3");
        }
    }

    /** Stands for ordinary work that takes a while, such as waiting for I/O. */
    static void readRequest(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
