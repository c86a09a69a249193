package dev.jostle.programs.buggy;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Check-then-act, 4 threads, narrow window. Lazy initialisation without a lock: each thread checks for
 * null and creates the registry if there is none. Threads rarely overlap, so the registry is created
 * once. Breaks when a thread is paused between the check and the assignment while another one creates it.
 */
public class LazyInitRace {
    static final AtomicInteger CREATED = new AtomicInteger();
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
            threads[i] = new Thread(LazyInitRace::registry, "user-" + i);
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (CREATED.get() != 1) {
            throw new AssertionError("the registry was created " + CREATED.get() + " times");
        }
    }
}
