package dev.jostle.agent.noise;

/**
 * One thread of a round, as a noise plan and its {@link Delays} see it: its identity, its own generator of
 * decisions, and where it notes the noise it got. The round implements it; only the thread itself calls it
 * while the round runs, so nothing here is synchronised.
 */
public interface NoiseThread {

    /** The thread's name, as the round first met it. */
    String name();

    /**
     * The thread's place in the round's tree of starts, the same from run to run under the same seed
     * whatever order the OS runs the threads in; a plan keys per-thread decisions on it.
     */
    long path();

    /** A pseudo-random double in [0, 1) from this thread's own generator, seeded from the round seed and path. */
    double nextDouble();

    /** Records that noise was injected at a site, for the failure report. */
    void noteNoise(int site);

    /** A delay of about {@code nanos} starts now: a sleeping thread of the round outlasts it. */
    void delayStarts(long nanos);

    /** The delay {@link #delayStarts} announced is over. */
    void delayEnded(long nanos);

    /** The state the round's plan keeps for this thread (see {@link #keepPlanState}), or null before it kept one. */
    Object planState();

    /**
     * Keeps a plan's state for this thread, decided at the thread's first point (its priority slot, whether it
     * is the one stalled); the object is the plan's own to change. Only the first call keeps anything: a round
     * has one plan, and what it decided for a thread stays decided.
     */
    void keepPlanState(Object state);
}
