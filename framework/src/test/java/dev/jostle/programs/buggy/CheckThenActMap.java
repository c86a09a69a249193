package dev.jostle.programs.buggy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Check-then-act on a thread-safe map, 3 threads, narrow window, 5 ms margin. Each thread opens a session
 * for the same user if {@code containsKey} says there is none: every single call is thread safe, the pair
 * is not. The logins arrive 5 ms apart, so the first has long opened the session when the next checks.
 * Breaks only when a thread is paused for longer than that between the check and the put.
 */
public class CheckThenActMap {
    static final Map<String, Integer> SESSIONS = new ConcurrentHashMap<>();
    static final AtomicInteger OPENED = new AtomicInteger();
    static final long MARGIN_MILLIS = 5;

    static void login(String user) {
        if (!SESSIONS.containsKey(user)) {
            SESSIONS.put(user, OPENED.incrementAndGet());
        }
    }

    public static void main(String[] args) throws InterruptedException {
        // Main logs in the first user itself: the map's table is allocated and login() is linked before
        // the threads race (each round loads the program afresh, and cold code would widen the window).
        login("grace");
        Thread[] threads = new Thread[3];
        for (int i = 0; i < threads.length; i++) {
            long arrival = i * MARGIN_MILLIS;
            threads[i] = new Thread(() -> {
                readRequest(arrival);
                login("ada");
            }, "login-" + i);
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (OPENED.get() != 2) {
            throw new AssertionError((OPENED.get() - 1) + " sessions were opened for one user");
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
