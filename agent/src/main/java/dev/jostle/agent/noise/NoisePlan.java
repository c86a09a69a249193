package dev.jostle.agent.noise;

/**
 * One round's noise: decides, at each scheduling point a bound thread reaches, whether to delay it and
 * how. A plan is made from (strategy, round seed) alone, so the same pair draws the same parameters, and a
 * thread with the same path draws the same decisions at its n-th point. Two things still depend on timing,
 * by design: a round's delay budget runs out when the delays have really taken that long, and PCT holds a
 * thread only while a higher one was active recently.
 *
 * <p>Called on the hot path by the thread itself: no locks user code could hold, no unbounded waits
 * (every delay ends by itself, so noise can slow a round but never deadlock it), and nothing thrown.
 */
public interface NoisePlan {

    /** Called before a scheduling point. Record any injected noise with {@link NoiseThread#noteNoise}. */
    void atPoint(NoiseThread thread, int event, int site);

    /**
     * Called when a bound thread is about to start another, which will belong to the round under
     * {@code childPath}, before the start's own scheduling point. Most plans ignore it.
     */
    default void threadStarting(NoiseThread parent, long childPath) {
    }

    /** A short description with the drawn parameters, e.g. {@code random(p=0.05, max=2ms)}. */
    String describe();

    /** The plan that never delays anything. */
    NoisePlan SILENT = new NoisePlan() {
        @Override
        public void atPoint(NoiseThread thread, int event, int site) {
        }

        @Override
        public String describe() {
            return "none";
        }
    };
}
