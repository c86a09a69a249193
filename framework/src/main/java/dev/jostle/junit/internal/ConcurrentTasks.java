package dev.jostle.junit.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Collectors;

/**
 * The implementation behind {@code Concurrently}. It lives here, in a package the agent never
 * instruments, so that the barrier and the joins themselves get no noise: only the user's tasks do.
 */
public final class ConcurrentTasks {

    /** What a thread runs; the public task types adapt to it. */
    @FunctionalInterface
    public interface Body {
        void run(int thread) throws Throwable;
    }

    private ConcurrentTasks() {
    }

    public static void run(int threads, Duration timeout, Body body) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        // Every thread waits at the barrier, so the tasks start as close together as the OS allows;
        // starting them one by one would let the first finish before the last begins.
        CyclicBarrier start = new CyclicBarrier(threads);
        AtomicReferenceArray<Throwable> failures = new AtomicReferenceArray<>(threads);
        long[] finishedAt = new long[threads];
        List<Thread> started = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    body.run(index);
                } catch (BrokenBarrierException | InterruptedException stopped) {
                    failures.compareAndSet(index, null, stopped);
                } catch (Throwable failure) {
                    failures.set(index, failure);
                } finally {
                    finishedAt[index] = System.nanoTime();
                }
            }, "concurrently-" + i);
            started.add(thread);
        }
        started.forEach(ConcurrentTasks::start);
        List<Thread> stuck = join(started, timeout);
        reportJoined(started, stuck);
        if (!stuck.isEmpty()) {
            AssertionError hang = new AssertionError(stuck.size() + " of " + threads
                    + " threads still running after " + timeout.toMillis() + "ms: "
                    + stuck.stream().map(t -> "\"" + t.getName() + "\"").collect(Collectors.joining(", "))
                    + stacks(stuck));
            stuck.forEach(Thread::interrupt);
            throw hang;
        }
        AssertionError first = null;
        long firstAt = Long.MAX_VALUE;
        for (int i = 0; i < threads; i++) {
            Throwable failure = failures.get(i);
            if (failure != null && finishedAt[i] < firstAt) {
                firstAt = finishedAt[i];
                first = named(started.get(i), failure);
            }
        }
        if (first != null) {
            for (int i = 0; i < threads; i++) {
                Throwable failure = failures.get(i);
                if (failure != null && first.getCause() != failure) {
                    first.addSuppressed(named(started.get(i), failure));
                }
            }
            throw first;
        }
    }

    /**
     * This class is never instrumented (it is Jostle's own), so it tells the agent itself that it starts
     * and joins the task threads, as instrumented code would: otherwise the race detector would see
     * neither edge and report the test thread's reads after the join as races.
     */
    private static void start(Thread thread) {
        if (AgentAttacher.agentStarted()) {
            RoundEdges.start(thread);
        } else {
            thread.start();
        }
    }

    private static void reportJoined(List<Thread> threads, List<Thread> stuck) {
        if (!AgentAttacher.agentStarted()) {
            return;
        }
        for (Thread thread : threads) {
            if (!stuck.contains(thread)) {
                RoundEdges.joined(thread);
            }
        }
    }

    /** Touches the agent's hooks only once the agent is known to be on the boot class path. */
    private static final class RoundEdges {
        static void start(Thread thread) {
            dev.jostle.agent.bootstrap.Hooks.threadStart(thread, 0);
        }

        static void joined(Thread thread) {
            try {
                dev.jostle.agent.bootstrap.Hooks.threadJoin(thread, 1, 0); // already ended: reports the join
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static AssertionError named(Thread thread, Throwable failure) {
        return new AssertionError("in thread \"" + thread.getName() + "\": " + failure, failure);
    }

    /** Joins all threads within one shared deadline; returns those still alive after it. */
    private static List<Thread> join(List<Thread> threads, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedJoin(thread, left);
                } catch (InterruptedException e) {
                    // The round is being torn down: stop waiting, report who was still running.
                    interrupted = true;
                    break;
                }
            }
            if (interrupted) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        List<Thread> alive = new ArrayList<>();
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                alive.add(thread);
            }
        }
        return alive;
    }

    private static String stacks(List<Thread> threads) {
        StringBuilder text = new StringBuilder();
        for (Thread thread : threads) {
            text.append("\n\"").append(thread.getName()).append("\" ").append(thread.getState());
            StackTraceElement[] frames = thread.getStackTrace();
            for (int i = 0; i < frames.length && i < 12; i++) {
                text.append("\n    at ").append(frames[i]);
            }
        }
        return text.toString();
    }
}
