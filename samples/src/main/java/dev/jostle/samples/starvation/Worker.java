package dev.jostle.samples.starvation;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** The bench's one worker thread: runs the jobs its line hands it, one at a time, until closed. */
final class Worker implements AutoCloseable {

    /** How long closing waits for a job in progress; jobs are short, so this is only a safety net. */
    private static final long CLOSE_MILLIS = 1_000;

    private final Line line;
    private final Thread thread;

    Worker(Line line) {
        this.line = line;
        this.thread = new Thread(this::serve, "bench-worker");
        thread.start();
    }

    void submit(Job job) {
        line.add(job);
    }

    private void serve() {
        try {
            while (true) {
                line.next().work().run();
            }
        } catch (InterruptedException closed) {
            // close() interrupts the worker: the bench is closed, and what is still in line is dropped.
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(CLOSE_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits at most {@code millis} for what the worker hands over; null if nothing came in time. */
    static <T> T awaitHandover(BlockingQueue<T> handover, long millis) {
        try {
            return handover.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the courier");
        }
    }
}
