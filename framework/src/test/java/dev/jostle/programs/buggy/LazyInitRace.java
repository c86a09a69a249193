package dev.jostle.programs.buggy;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Check-then-act, 4 threads, narrow window, 5 ms margin. Lazy initialisation without a lock: each thread
 * checks for null and creates the registry if there is none. The users arrive 5 ms apart, so the first
 * has long created the registry when the next one looks. Breaks only when a thread is paused for longer
 * than that between the check and the assignment.
 */
public class LazyInitRace {
    static final AtomicInteger CREATED = new AtomicInteger();
    static final long MARGIN_MILLIS = 5;
    static Object registry;

    static Object registry() {
        if (registry == null) {
            registry = create();
        }
        return registry;
    }

    static Object create() {
        CREATED.incrementAndGet();
        return new Object();
    }

    public static void main(String[] args) throws InterruptedException {
        Thread[] threads = new Thread[4];
        for (int i = 0; i < threads.length; i++) {
            long arrival = i * MARGIN_MILLIS;
            threads[i] = new Thread(() -> {
                readRequest(arrival);
                registry();
            }, "user-" + i);
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (CREATED.get() != 1) {
            throw new AssertionError("the registry was created " + CREATED.get() + " times");
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
