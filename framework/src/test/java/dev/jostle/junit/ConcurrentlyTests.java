package dev.jostle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrentlyTests {

    @Test
    void noThreadCount_run_runsOneTaskPerAvailableProcessor() {
        AtomicInteger runs = new AtomicInteger();

        Concurrently.run(runs::incrementAndGet);

        assertEquals(Runtime.getRuntime().availableProcessors(), runs.get());
    }

    @Test
    void tasks_run_areAllRunningAtOnceInPlatformThreadsOfTheirOwn() throws Exception {
        int threads = 4;
        CountDownLatch allIn = new CountDownLatch(threads);
        Set<String> names = ConcurrentHashMap.newKeySet();

        // Each task waits until every task has started: that only finishes if they run at the same time.
        Concurrently.run(threads, thread -> {
            names.add(Thread.currentThread().getName());
            assertEquals(Thread.class, Thread.currentThread().getClass(), "a plain platform thread");
            allIn.countDown();
            assertTrue(allIn.await(5, TimeUnit.SECONDS), "all tasks running together");
        });

        assertEquals(Set.of("concurrently-0", "concurrently-1", "concurrently-2", "concurrently-3"), names);
    }

    @Test
    void oneTaskFails_run_rethrowsItWithTheThreadName() {
        AssertionError error = assertThrows(AssertionError.class, () -> Concurrently.run(3, thread -> {
            if (thread == 2) {
                throw new IllegalStateException("boom");
            }
        }));

        assertEquals("in thread \"concurrently-2\": java.lang.IllegalStateException: boom", error.getMessage());
        assertTrue(error.getCause() instanceof IllegalStateException);
    }

    @Test
    void severalTasksFail_run_keepsTheOthersAsSuppressed() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> Concurrently.run(3, () -> {
                    throw new IllegalStateException("every one");
                }));

        assertEquals(2, error.getSuppressed().length);
    }

    @Test
    void taskHangs_run_failsAfterTheTimeoutNamingTheStuckThread() {
        CountDownLatch never = new CountDownLatch(1);

        AssertionError error = assertThrows(AssertionError.class,
                () -> Concurrently.run(2, Duration.ofMillis(200), thread -> {
                    if (thread == 1) {
                        never.await();
                    }
                }));

        assertTrue(error.getMessage().startsWith("1 of 2 threads still running after 200ms: \"concurrently-1\""),
                error.getMessage());
        assertTrue(error.getMessage().contains("java.util.concurrent.CountDownLatch.await("),
                error.getMessage());
    }

    @Test
    void noThreads_run_isRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Concurrently.run(0, () -> { }));

        assertEquals("threads must be at least 1: 0", error.getMessage());
    }
}
