package dev.jostle.bridge;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * Known-racy data structures that every Lincheck mode must catch before the bridge believes a pass in
 * that mode: a checker that misses these is blind on this JDK (Lincheck 3.7's general API traces no field
 * access on JDK 25, and misses every race there without a word).
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LincheckCanary {

    private LincheckCanary() {
    }

    /**
     * A plain {@code value++}: the model checker must find the interleaving that loses an increment. Only
     * plain field accesses, nothing that would give Lincheck a switch point it sees without field tracing.
     */
    public static final class RacyCounter {

        private int value;

        @Operation
        public void increment() {
            value++;
        }

        @Operation
        public int get() {
            return value;
        }
    }

    /**
     * A lost update with a window wide enough for real threads to hit in a small stress budget: the read
     * and the write are a {@link Thread#yield()} apart. If stress mode misses this, it is not running
     * operations concurrently or not comparing results.
     */
    public static final class WideWindowCounter {

        private int value;

        @Operation
        public void increment() {
            int read = value;
            Thread.yield();
            value = read + 1;
        }

        @Operation
        public int get() {
            return value;
        }
    }

    /**
     * The general API's canary: two threads increment a plain field once each; a lost update throws. Its
     * counter class is used nowhere else, so no earlier declarative run has loaded it. On which JDKs it is
     * missed: docs/performance.md, "Canaries".
     */
    static void lostUpdate() {
        GeneralApiCounter counter = new GeneralApiCounter();
        Thread first = new Thread(counter::increment);
        Thread second = new Thread(counter::increment);
        first.start();
        second.start();
        try {
            first.join();
            second.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (counter.get() != 2) {
            throw new AssertionError("lost update: " + counter.get() + " after two increments");
        }
    }

    /** Only ever touched by {@link #lostUpdate()}. */
    static final class GeneralApiCounter {

        private int value;

        void increment() {
            value++;
        }

        int get() {
            return value;
        }
    }

    static Class<?> forMode(LincheckMode mode) {
        return mode == LincheckMode.MODEL_CHECKING ? RacyCounter.class : WideWindowCounter.class;
    }
}
