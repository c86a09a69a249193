package dev.jostle.agent.runtime;

import dev.jostle.agent.noise.Delays;
import dev.jostle.agent.noise.NoisePlan;
import java.util.BitSet;

/**
 * A run of rounds under one strategy and base seed: a jostled test, or a hunt. Round {@code i} runs under
 * seed {@code base + i}; a {@code mixed} session picks each round's concrete strategy from that seed.
 * What the session learns from rounds (the contended sites {@code targeted} noise aims at) carries over.
 * Rounds of one session may run at the same time in different threads.
 */
public final class Session {

    private final Strategy strategy;
    private final long baseSeed;
    private final boolean recordSites;
    private final Delays delays;
    private final BitSet focus = new BitSet();
    private boolean observed;
    private volatile boolean detectRaces;

    /**
     * @param recordSites record per-site usage in every round (otherwise only in observation rounds)
     */
    public Session(Strategy strategy, long baseSeed, boolean recordSites) {
        this(strategy, baseSeed, recordSites, Delays.SYSTEM);
    }

    /** With the given delays: tests record the noise instead of waiting it out. */
    Session(Strategy strategy, long baseSeed, boolean recordSites, Delays delays) {
        if (strategy == null) {
            throw new IllegalArgumentException("strategy is null; known: " + Strategy.knownIds());
        }
        this.strategy = strategy;
        this.baseSeed = baseSeed;
        this.recordSites = recordSites;
        this.delays = delays;
    }

    /**
     * Turns happens-before race detection on or off for the rounds opened from now on. Detection sees the
     * same events as the noise and reports races even in rounds that pass.
     */
    public Session detectRaces(boolean on) {
        this.detectRaces = on;
        return this;
    }

    public boolean detectsRaces() {
        return detectRaces;
    }

    public Strategy strategy() {
        return strategy;
    }

    public long baseSeed() {
        return baseSeed;
    }

    /** Whether every round records per-site usage, not only observation rounds. */
    public boolean recordsSites() {
        return recordSites;
    }

    /**
     * Whether the caller should run one observation round (see {@link #openObservationRound()}) before the
     * numbered rounds, because this session's noise is aimed by what such a round sees.
     */
    public synchronized boolean wantsObservation() {
        return !observed && (strategy == Strategy.TARGETED || strategy == Strategy.MIXED);
    }

    /** A round without noise that records which sites are shared, to aim later rounds; numbered -1. */
    public Round openObservationRound(Thread root) {
        return new Round(this, -1, baseSeed, Strategy.NONE, NoisePlan.SILENT, true, root);
    }

    /**
     * Opens round {@code index}.
     *
     * @param root the thread that will run the round's code (its path is 1); its children are derived
     */
    public Round openRound(int index, Thread root) {
        long seed = Seeds.roundSeed(baseSeed, index);
        BitSet focus = focus();
        Strategy concrete = strategy == Strategy.MIXED ? MixedRotation.pick(seed, !focus.isEmpty()) : strategy;
        NoisePlan plan = concrete.plan(seed, focus, delays);
        return new Round(this, index, seed, concrete, plan, recordSites, root);
    }

    private synchronized BitSet focus() {
        return (BitSet) focus.clone();
    }

    synchronized void learn(RoundReport report) {
        if (report.index() < 0) {
            observed = true;
        }
        focus.or(report.contended());
    }
}
