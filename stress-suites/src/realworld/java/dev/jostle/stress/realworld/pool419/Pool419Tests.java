package dev.jostle.stress.realworld.pool419;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.junit.Jostled;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * POOL-419 before and after its fix: the realworld profile runs this class once against commons-pool2 2.12.1,
 * where the jostled test must fail with the bug's message, and once against 2.13.0, where both must pass.
 * RealWorldCheck reads the two runs' reports and fails the build if either is otherwise.
 *
 * <p>The plain loop gives the same wall-clock budget to the same try without Jostle's noise and records how
 * many tries caught the bug, as evidence of what the noise adds.
 */
class Pool419Tests {

    /** The budget of both tests. */
    private static final String BUDGET = "10s";

    /** Rounds run at once by @Jostled by default: the plain loop runs as many side by side. */
    private static final int WORKERS = Runtime.getRuntime().availableProcessors();

    @Jostled(rounds = 1_000_000, time = BUDGET, roundTimeout = "10s")
    void jostled_returnRacingInvalidate_leavesNoObjectCountedTwice() throws Exception {
        assertNull(ReturnRacingInvalidate.tryOnce());
    }

    @Test
    void plainLoop_returnRacingInvalidate_recordsHowOftenItIsCaught() throws Exception {
        long deadline = System.nanoTime() + Duration.parse("PT" + BUDGET).toNanos();
        AtomicInteger tries = new AtomicInteger();
        AtomicInteger caught = new AtomicInteger();
        StringBuilder firstFinding = new StringBuilder();
        Thread[] workers = new Thread[WORKERS];
        for (int w = 0; w < WORKERS; w++) {
            workers[w] = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        String finding = ReturnRacingInvalidate.tryOnce();
                        tries.incrementAndGet();
                        if (finding != null && caught.getAndIncrement() == 0) {
                            synchronized (firstFinding) {
                                firstFinding.append(finding);
                            }
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "plain-loop-" + w);
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        record(tries.get(), caught.get(), firstFinding);
        assertTrue(tries.get() > 0, "the plain loop ran no try in " + BUDGET);
    }

    /** Leaves the counts where RealWorldCheck reads them: a test's pass or fail cannot carry a rate. */
    private static void record(int tries, int caught, StringBuilder firstFinding) throws IOException {
        String out = System.getProperty("realworld.pool419.out");
        if (out == null) {
            return;
        }
        Properties counts = new Properties();
        counts.setProperty("poolVersion", ReturnRacingInvalidate.poolVersion());
        counts.setProperty("budget", BUDGET);
        counts.setProperty("workers", Integer.toString(WORKERS));
        counts.setProperty("tries", Integer.toString(tries));
        counts.setProperty("caught", Integer.toString(caught));
        synchronized (firstFinding) {
            counts.setProperty("firstFinding", firstFinding.toString());
        }
        Path file = Path.of(out, "plain-loop.properties");
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file)) {
            counts.store(writer, "POOL-419 without Jostle: tries of ReturnRacingInvalidate and how many caught it");
        }
    }
}
