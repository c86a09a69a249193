package dev.jostle.agent.runtime;

import dev.jostle.agent.noise.NoiseThread;
import dev.jostle.agent.noise.SplitMix;

/**
 * What a round knows about one of its threads. Only that thread touches it while the round runs, so
 * nothing here is synchronised; the round reads it after its threads are done.
 *
 * <p>Each thread draws its noise decisions from its own generator, seeded from the round seed and the
 * thread's <em>path</em>: the root thread is path 1, and the k-th thread a thread starts gets a path
 * derived from its parent's path and k. So the same program under the same seed makes the same
 * decisions in the same threads, whatever order the OS happens to run them in.
 */
public final class ThreadState implements NoiseThread {

    private static final int LAST_NOISE = 8;

    private final String name;
    private final long path;
    private final int arrival;
    private long rng;
    private int childrenStarted;
    private long points;
    private long noiseEvents;
    private final int[] lastNoise = new int[LAST_NOISE];
    private int lastNoiseNext;
    private int[] hits = new int[0];

    /** The monitor named by this thread's last MONITOR_ENTER, until its acquire is reported. */
    Object enteringMonitor;

    /** This thread's state in the round's race detector (null without one): kept here to look it up once. */
    dev.jostle.agent.race.ThreadClock raceClock;

    /**
     * Noise delays (parks and spins) this thread has waited out, and when the one under way ends
     * ({@link System#nanoTime()}; 0 when none is): written by this thread only, read by a sleeping thread of
     * the round, which outlasts them (see {@code RoundProbe.afterSleep}).
     */
    private volatile long delayedNanos;
    private volatile long delayEnds;

    /** Where a sleeping thread's view of the others' delays started: {@link #delayedNanos} per state. */
    long[] sleepStart = new long[0];

    /** The round's noise plan's state for this thread (see {@link NoiseThread#keepPlanState}). */
    private Object planState;

    /**
     * Made by the round for each thread at its first event; public so that a noise plan can be driven
     * directly (as its tests do) without a round.
     */
    public ThreadState(String name, long path, int arrival, long roundSeed) {
        this.name = name;
        this.path = path;
        this.arrival = arrival;
        this.rng = SplitMix.mix(roundSeed ^ SplitMix.mix(path));
    }

    @Override
    public String name() {
        return name;
    }

    /** The thread's path (see the class comment). */
    @Override
    public long path() {
        return path;
    }

    /** 0 for the first thread the round saw, 1 for the next, and so on (not deterministic). */
    public int arrival() {
        return arrival;
    }

    /** Scheduling points this thread has reached in this round. */
    public long points() {
        return points;
    }

    void countPoint() {
        points++;
    }

    long childPath() {
        return SplitMix.mix(path * 31 + (++childrenStarted));
    }

    /** The next pseudo-random long from this thread's own generator (SplitMix64). */
    public long nextLong() {
        rng += 0x9E3779B97F4A7C15L;
        return SplitMix.mix(rng);
    }

    /** A pseudo-random int in [0, bound). */
    public int nextInt(int bound) {
        return (int) Long.remainderUnsigned(nextLong(), bound);
    }

    /** A pseudo-random double in [0, 1). */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A noise delay of about {@code nanos} starts now (see {@link dev.jostle.agent.noise.Delays}). */
    @Override
    public void delayStarts(long nanos) {
        delayEnds = System.nanoTime() + nanos;
    }

    /** The delay {@link #delayStarts} announced is over. */
    @Override
    public void delayEnded(long nanos) {
        delayedNanos += nanos; // this thread is the only writer
        delayEnds = 0;
    }

    long delayedNanos() {
        return delayedNanos;
    }

    long delayEnds() {
        return delayEnds;
    }

    /** Records that noise was injected at a site, for the failure report. */
    @Override
    public void noteNoise(int site) {
        noiseEvents++;
        lastNoise[lastNoiseNext++ % LAST_NOISE] = site;
    }

    @Override
    public Object planState() {
        return planState;
    }

    @Override
    public void keepPlanState(Object state) {
        if (planState == null) {
            planState = state;
        }
    }

    long noiseEvents() {
        return noiseEvents;
    }

    /** The sites of the last noise injections, oldest first. */
    int[] lastNoiseSites() {
        int n = Math.min(lastNoiseNext, LAST_NOISE);
        int[] result = new int[n];
        for (int i = 0; i < n; i++) {
            result[i] = lastNoise[(lastNoiseNext - n + i) % LAST_NOISE];
        }
        return result;
    }

    void hit(int site) {
        if (site >= hits.length) {
            hits = java.util.Arrays.copyOf(hits, Math.max(site + 1, Math.max(64, hits.length * 2)));
        }
        hits[site]++;
    }

    int[] hits() {
        return hits;
    }
}
