package dev.jostle.programs.junitstyle;

import static org.junit.Assert.assertEquals;

import org.junit.Before;
import org.junit.Test;

/**
 * A JUnit 4 test class as many projects have them: one test counts from one thread and always passes, the
 * other counts from two threads with {@code count++}, which loses an update when one thread is paused between
 * reading and writing the count. The second thread first does some work of its own, so without noise the
 * first has usually finished before it starts counting.
 */
public class CounterChecks {

    static final class Counter {
        int count;

        void increment() {
            count++;
        }
    }

    private Counter counter;

    @Before
    public void setUp() {
        counter = new Counter();
    }

    @Test
    public void countsAlone() {
        for (int i = 0; i < 100; i++) {
            counter.increment();
        }
        assertEquals(100, counter.count);
    }

    @Test
    public void twoThreadsCount() throws InterruptedException {
        Thread first = new Thread(() -> countTo(50), "first");
        Thread second = new Thread(() -> {
            work();
            countTo(50);
        }, "second");
        first.start();
        second.start();
        first.join();
        second.join();
        assertEquals(100, counter.count);
    }

    private void countTo(int n) {
        for (int i = 0; i < n; i++) {
            counter.increment();
        }
    }

    /** Stands for ordinary work that takes a while, such as waiting for I/O. */
    private static void work() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
