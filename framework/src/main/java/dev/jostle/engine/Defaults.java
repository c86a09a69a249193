package dev.jostle.engine;

import dev.jostle.agent.runtime.Strategy;
import java.time.Duration;

/**
 * The defaults of both front-ends, {@code hunt} and {@code @Jostled}, in one place: shared where the two mean
 * the same, named apart ({@code HUNT_}, {@code TEST_}) where they differ, with the reason.
 */
public final class Defaults {

    /** Rotates the strategies per round: no one strategy finds every kind of bug. */
    public static final Strategy STRATEGY = Strategy.MIXED;

    /** Enough to tell a seed that replays from one that got lucky, at the cost of a few rounds. */
    public static final int REPLAYS = 5;

    /**
     * A hunt is a search on its own, run on purpose: it may take a while. A jostled test is one of many in a
     * build, each of which pays its budget on every run.
     */
    public static final Duration HUNT_TIME = Duration.ofSeconds(10);

    /** See {@link #HUNT_TIME}. */
    public static final Duration TEST_TIME = Duration.ofSeconds(2);

    /**
     * A test's round budget, so that a fast test ends before its time budget. A hunt has none (0): its time
     * budget alone ends it.
     */
    public static final int TEST_ROUNDS = 1000;

    /**
     * Fewer rounds say little: a bug that one round in three hits is missed by one round two times in three,
     * by three rounds about three times in ten. Three keeps a slow test (13 s plainly) at well under a minute.
     * A hunt has no minimum: it reports how many rounds it ran, and passing is not its verdict.
     */
    public static final int TEST_MIN_ROUNDS = 3;

    /**
     * A set round timeout: a hunt's, and a campaign's that chooses none. A hunt promises to end within its time
     * budget plus one round timeout ({@link Deadline}), so it must know that timeout before any round runs; it
     * takes the floor of a derived one. A jostled test sets none by default: it derives its timeout from a
     * first round without noise ({@link RoundTimeout#measured}), as a suite's tests take from microseconds to
     * minutes.
     */
    public static final Duration ROUND_TIMEOUT = RoundTimeout.FLOOR;

    private Defaults() {
    }
}
