package dev.jostle.programs.buggy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Check-then-act on a thread-safe map, 3 threads, narrow window. Each thread opens a session for the
 * same user if {@code containsKey} says there is none: every single call is thread safe, the pair is not.
 * Breaks when a thread is paused between the check and the put while another opens the session.
 */
public class CheckThenActMap {
    static final Map<String, Integer> SESSIONS = new ConcurrentHashMap<>();
    static final AtomicInteger OPENED = new AtomicInteger();

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
            threads[i] = new Thread(() -> login("ada"), "login-" + i);
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (OPENED.get() != 2) {
            throw new AssertionError((OPENED.get() - 1) + " sessions were opened for one user");
        }
    }
}
