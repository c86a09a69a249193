package dev.jostle.programs.buggy;

/**
 * Atomicity violation, 2 threads, narrow window, 5 ms margin. A writer updates a range's low and high
 * bounds as two separate writes, each under the lock, while a reader checks low <= high under the lock:
 * every access is synchronised, yet the move from [0, 10] to [20, 30] is not atomic: between the two
 * writes the range is [20, 10]. The reader first spends 5 ms reading its request, so it sees the range
 * long after the move. Breaks only when the writer is paused for longer than that between its two steps.
 */
public class InconsistentPair {
    static final Object LOCK = new Object();
    static final long MARGIN_MILLIS = 5;
    static int low = 0;
    static int high = 10;

    public static void main(String[] args) throws InterruptedException {
        boolean[] broken = new boolean[1];
        Thread writer = new Thread(() -> {
            synchronized (LOCK) {
                low = 20;
            }
            synchronized (LOCK) {
                high = 30;
            }
        }, "writer");
        Thread reader = new Thread(() -> {
            readRequest(MARGIN_MILLIS);
            synchronized (LOCK) {
                broken[0] = low > high;
            }
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        if (broken[0]) {
            throw new AssertionError("reader saw low > high");
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
