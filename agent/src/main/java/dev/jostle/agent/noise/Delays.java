package dev.jostle.agent.noise;

/**
 * The perturbations noise is made of, and the clock plans read. Plans reach the real scheduler only
 * through this interface, so a test can record every decision (and advance a fake clock) instead of
 * sleeping: that is how determinism and each strategy's character are tested without timing.
 *
 * <p>Every delay ends by itself: noise can slow a round but never deadlock it.
 */
public interface Delays {

    /** The real thing: {@link Thread#yield}, a busy wait, {@link java.util.concurrent.locks.LockSupport#parkNanos}. */
    Delays SYSTEM = new SystemDelays();

    /** A monotonic clock in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Offers the core to another thread. */
    void yieldNow(NoiseThread thread);

    /** Busy-waits for about {@code nanos} without giving up the core. */
    void spin(NoiseThread thread, long nanos);

    /**
     * Parks for about {@code nanos}. An interrupt ends the park early and stays set, so that the user's own
     * code still sees it.
     */
    void park(NoiseThread thread, long nanos);
}
