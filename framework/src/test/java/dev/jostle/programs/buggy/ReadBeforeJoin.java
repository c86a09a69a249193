package dev.jostle.programs.buggy;

/**
 * Ordering violation, 2 threads, wide window. Main waits for the worker's result by sleeping 10 ms
 * instead of joining: plenty for a worker that only adds two numbers, unless the machine is very busy.
 * Breaks when the worker is delayed past the sleep before it stores the result: a long stall of one
 * thread (halt-one noise), not a short jitter.
 */
public class ReadBeforeJoin {
    static int result;

    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(() -> result = 40 + 2, "worker");
        worker.start();
        Thread.sleep(10);
        int seen = result;
        worker.join();
        if (seen != 42) {
            throw new AssertionError("main read the result before the worker wrote it: " + seen);
        }
    }
}
