package dev.jostle.agent.runtime;

import dev.jostle.agent.noise.Delays;
import dev.jostle.agent.noise.NoisePlan;
import dev.jostle.agent.noise.NoisePlans;
import dev.jostle.agent.schedule.Scheduler;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of scheduling noise a round can run under. */
public enum Strategy {
    /** Hooks only, no delay: the baseline every comparison needs. */
    NONE("none"),
    /** At a share of scheduling points, a yield, a short spin or a park of microseconds to milliseconds. */
    RANDOM("random"),
    /** Random thread priorities with a few priority-change points (PCT), approximated on real threads. */
    PCT("pct"),
    /** One thread stalled for long stretches, as chaos schedulers do. */
    HALT_ONE("halt-one"),
    /** Noise only at sites an observation round saw shared by threads with at least one write. */
    TARGETED("targeted"),
    /** Rotates the noise strategies above and their parameters from round to round (not the controlled ones). */
    MIXED("mixed"),
    /** The round's threads run one at a time; at each point one of them, uniformly at random, runs next. */
    CONTROLLED_RANDOM("controlled-random"),
    /** The round's threads run one at a time, by PCT priorities with change points (exact PCT). */
    CONTROLLED_PCT("controlled-pct"),
    /**
     * The round's threads run one at a time, by POS: random priorities per pending event, re-drawn for the
     * events that race with the one that ran (partial order sampling).
     */
    CONTROLLED_POS("controlled-pos"),
    /** {@link #CONTROLLED_RANDOM}, every sleep lasting until the round's clock reached its end: mixed's. */
    CONTROLLED_RANDOM_ON_TIME("controlled-random-on-time"),
    /** {@link #CONTROLLED_PCT}, every sleep lasting until the round's clock reached its end: mixed's. */
    CONTROLLED_PCT_ON_TIME("controlled-pct-on-time"),
    /** {@link #CONTROLLED_POS}, every sleep lasting until the round's clock reached its end: mixed's. */
    CONTROLLED_POS_ON_TIME("controlled-pos-on-time");

    private final String id;

    Strategy(String id) {
        this.id = id;
    }

    /** The name used in annotations, system properties and on the command line. */
    public String id() {
        return id;
    }

    /**
     * Parses a strategy name, case-insensitively.
     *
     * @throws IllegalArgumentException naming the known strategies
     */
    public static Strategy fromId(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Strategy strategy : values()) {
            if (strategy.id.equals(wanted)) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + name + "'; known: " + knownIds());
    }

    public static String knownIds() {
        return Arrays.stream(values()).map(Strategy::id).collect(Collectors.joining(", "));
    }

    /**
     * The plan of a round under this strategy.
     *
     * @param seed  the round seed: the plan's parameters and every decision derive from it
     * @param focus for {@link #TARGETED}: the sites to perturb; ignored by the others
     * @throws IllegalArgumentException for {@link #MIXED}, which the session resolves to another first
     */
    NoisePlan plan(long seed, BitSet focus, Delays delays) {
        switch (this) {
            case NONE:
                return NoisePlan.SILENT;
            case RANDOM:
                return NoisePlans.random(seed, delays);
            case PCT:
                return NoisePlans.pct(seed, delays);
            case HALT_ONE:
                return NoisePlans.haltOne(seed, delays);
            case TARGETED:
                return NoisePlans.targeted(seed, focus, delays);
            case CONTROLLED_RANDOM:
            case CONTROLLED_PCT:
            case CONTROLLED_POS:
            case CONTROLLED_RANDOM_ON_TIME:
            case CONTROLLED_PCT_ON_TIME:
            case CONTROLLED_POS_ON_TIME:
                return NoisePlans.silent(scheduler(seed).describe());
            default:
                throw new IllegalArgumentException("strategy '" + this
                        + "' is not concrete; the session resolves it to one of the others first");
        }
    }

    /** Whether rounds under this strategy run their threads one at a time under a {@link Scheduler}. */
    public boolean isControlled() {
        return id.startsWith("controlled-");
    }

    /** A fresh scheduler for a round under this strategy, or null when the strategy only adds noise. */
    Scheduler scheduler(long seed) {
        switch (this) {
            case CONTROLLED_RANDOM:
                return Scheduler.randomWalk(seed);
            case CONTROLLED_PCT:
                return Scheduler.pct(seed);
            case CONTROLLED_POS:
                return Scheduler.pos(seed);
            case CONTROLLED_RANDOM_ON_TIME:
                return Scheduler.randomWalk(seed, true);
            case CONTROLLED_PCT_ON_TIME:
                return Scheduler.pct(seed, true);
            case CONTROLLED_POS_ON_TIME:
                return Scheduler.pos(seed, true);
            default:
                return null;
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
