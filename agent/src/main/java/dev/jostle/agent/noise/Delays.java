package dev.jostle.agent.noise;

import java.util.concurrent.locks.LockSupport;

/** The perturbations noise is made of. Every one ends by itself. */
public final class Delays {

    private Delays() {
    }

    public static void yieldNow() {
        Thread.yield();
    }

    /** Busy-waits for about {@code nanos} without giving up the core. */
    public static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /**
     * Parks for about {@code nanos}. An interrupt ends the park early and stays set, so that the user's
     * own code still sees it.
     */
    public static void park(long nanos) {
        LockSupport.parkNanos(nanos);
    }
}
