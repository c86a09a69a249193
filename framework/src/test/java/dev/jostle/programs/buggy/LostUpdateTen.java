package dev.jostle.programs.buggy;

/**
 * Lost update, 10 threads, narrow window, 5 ms margin. Each thread adds 10 to a volatile total with
 * {@code total += 10}: volatile makes the read and the write visible, not the pair atomic. The threads
 * handle requests that arrive 5 ms apart, so their additions never overlap. Breaks only when a thread
 * stalls for longer than that between the read and the write.
 */
public class LostUpdateTen {
    static final long MARGIN_MILLIS = 5;
    static volatile int total;

    static void add() {
        total += 10;
    }

    public static void main(String[] args) throws InterruptedException {
        add(); // main's own share first: the threads then race on linked code
        Thread[] threads = new Thread[10];
        for (int i = 0; i < threads.length; i++) {
            long arrival = i * MARGIN_MILLIS;
            threads[i] = new Thread(() -> {
                readRequest(arrival);
                add();
            }, "adder-" + i);
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (total != 110) {
            throw new AssertionError("lost update: total = " + total + ", expected 110");
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
