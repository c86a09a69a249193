package dev.jostle.programs.buggy;

/**
 * Atomicity violation, 2 threads, narrow window. A writer updates a range's low and high bounds as two
 * separate writes, each under the lock, while a reader checks low <= high under the lock: every access is
 * synchronised, yet the move from [0, 10] to [20, 30] is not atomic: between
 * the two writes the range is [20, 10]. Breaks when the reader runs
 * between the writer's two steps.
 */
public class InconsistentPair {
    static final Object LOCK = new Object();
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
}
