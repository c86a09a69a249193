package dev.jostle.programs.buggy;

/**
 * Ordering bug that needs three steps in one order, 2 threads, narrow, 5 ms margin. A dispenser hands out
 * two tickets, one locked step each ({@code issued++}). A supervisor, after reading its request for 5 ms,
 * tops a half-served batch up (one ticket out: mark it two) and then checks that no more than two were
 * counted. Every access is under the lock. The count goes wrong only in the order dispenser, supervisor,
 * dispenser, supervisor: the supervisor must overtake the dispenser between its two tickets, and the
 * dispenser must then overtake the supervisor between its two steps. Breaks only when the dispenser stalls
 * for longer than the margin after its first ticket and the supervisor stalls after its top-up: a bug of
 * depth three, which one stall does not reach.
 */
public class ThreeStepOrder {
    static final Object LOCK = new Object();
    static final long MARGIN_MILLIS = 5;
    static int issued;

    public static void main(String[] args) throws InterruptedException {
        boolean[] overcounted = new boolean[1];
        Thread dispenser = new Thread(() -> {
            synchronized (LOCK) {
                issued++;
            }
            synchronized (LOCK) {
                issued++;
            }
        }, "dispenser");
        Thread supervisor = new Thread(() -> {
            readRequest(MARGIN_MILLIS);
            synchronized (LOCK) {
                if (issued == 1) {
                    issued = 2;
                }
            }
            synchronized (LOCK) {
                overcounted[0] = issued > 2;
            }
        }, "supervisor");
        dispenser.start();
        supervisor.start();
        dispenser.join();
        supervisor.join();
        if (overcounted[0]) {
            throw new AssertionError("three tickets counted, two issued");
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
