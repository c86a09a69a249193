package dev.jostle.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * Starts a few named threads and waits for all of them, the way every sample's scenario runs its workers.
 * A worker's failure interrupts the other workers (so none waits forever for the one that died) and is
 * rethrown here, in the scenario's own thread, so a round reports it as the scenario's failure (and
 * nothing is printed for it as an uncaught exception).
 */
public final class Crew {

    private Crew() {
    }

    /** Runs each job in its own thread ({@code name-0}, {@code name-1} ...) and waits for all of them. */
    public static void run(String name, Runnable... jobs) {
        List<Thread> threads = new ArrayList<>(jobs.length);
        Throwable[] failures = new Throwable[jobs.length];
        for (int i = 0; i < jobs.length; i++) {
            int slot = i;
            Runnable job = jobs[i];
            threads.add(new Thread(() -> {
                try {
                    job.run();
                } catch (Throwable failure) {
                    failures[slot] = failure;
                    // One failed worker fails the crew: stop the others rather than let them wait for it.
                    threads.forEach(other -> {
                        if (other != Thread.currentThread()) {
                            other.interrupt();
                        }
                    });
                }
            }, name + "-" + i));
        }
        threads.forEach(Thread::start);
        joinAll(threads);
        Throwable first = null;
        for (Throwable failure : failures) {
            if (failure == null) {
                continue;
            }
            if (first == null) {
                first = failure;
            } else {
                first.addSuppressed(failure);
            }
        }
        if (first instanceof RuntimeException) {
            throw (RuntimeException) first;
        }
        if (first instanceof Error) {
            throw (Error) first;
        }
        if (first != null) {
            throw new IllegalStateException(first);
        }
    }

    /** Waits for the threads; when the round gives up on us (an interrupt), stops them and says so. */
    public static void joinAll(List<Thread> threads) {
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException interrupted) {
            threads.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + threads.size() + " workers");
        }
    }

    /** For loops that spin: true once the round has given up on this thread (it was interrupted). */
    public static boolean abandoned() {
        return Thread.currentThread().isInterrupted();
    }

    /** Fails (unchecked) when the round has given up on this thread; for spin loops. */
    public static void checkAbandoned() {
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException(Thread.currentThread().getName() + " was stopped");
        }
    }
}
