package dev.jostle.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.jostle.junit.internal.ConcurrentTasks;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Runs the same task in several platform threads released together behind a barrier, waits for all of them
 * and rethrows the first failure with the name of the thread it happened in.
 *
 * <pre>{@code
 * Concurrently.run(4, () -> counter.increment());
 * Concurrently.run(4, thread -> queue.offer(thread));
 * }</pre>
 *
 * <p>The threads are created by the calling thread, so inside a {@link Jostled} round they belong to the
 * round: its noise reaches them and its timeout watches them.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Concurrently {

    /** How long {@link #run(int, Task)} waits for its threads before it fails naming the stuck ones. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private Concurrently() {
    }

    /** A task that may throw anything; a failure fails the whole run. */
    @FunctionalInterface
    @API(status = EXPERIMENTAL, since = "0.1")
    public interface Task {
        void run() throws Throwable;
    }

    /** A task told which thread runs it, numbered from 0. */
    @FunctionalInterface
    @API(status = EXPERIMENTAL, since = "0.1")
    public interface IndexedTask {
        void run(int thread) throws Throwable;
    }

    /** Runs {@code task} in one thread per available processor. */
    public static void run(Task task) {
        run(Runtime.getRuntime().availableProcessors(), task);
    }

    /** Runs {@code task} in {@code threads} threads at once. */
    public static void run(int threads, Task task) {
        run(threads, DEFAULT_TIMEOUT, task);
    }

    /** Runs {@code task} in {@code threads} threads at once, each told its number. */
    public static void run(int threads, IndexedTask task) {
        run(threads, DEFAULT_TIMEOUT, task);
    }

    /** Runs {@code task} in {@code threads} threads at once, failing if they take longer than {@code timeout}. */
    public static void run(int threads, Duration timeout, Task task) {
        if (task == null) {
            throw new IllegalArgumentException("task must not be null");
        }
        ConcurrentTasks.run(threads, timeout, thread -> task.run());
    }

    /** Runs {@code task} in {@code threads} threads at once, each told its number, with a timeout. */
    public static void run(int threads, Duration timeout, IndexedTask task) {
        if (task == null) {
            throw new IllegalArgumentException("task must not be null");
        }
        ConcurrentTasks.run(threads, timeout, task::run);
    }
}
