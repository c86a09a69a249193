package dev.jostle.engine;

import static dev.jostle.engine.Durations.format;
import static dev.jostle.engine.Durations.seconds;

import java.time.Duration;

/**
 * How long a round may run before it counts as a hang, and where that limit came from, so that a timeout
 * report can say why the limit was what it was.
 *
 * <p>A limit is either set by the user ({@link #fixed}), or derived from the test's own duration
 * ({@link #measured}): the campaign first runs one round without noise under the generous
 * {@link #OBSERVATION_LIMIT}, and the noised rounds then get {@link #MULTIPLE} times its duration, at least
 * {@link #FLOOR}. A fixed 5 s limit failed tests that take 5.5 to 13 s plainly (commons-pool's) as hangs.
 */
public final class RoundTimeout {

    /**
     * Noised rounds may take this many times the round without noise. Noise stalls threads at shared
     * accesses (a halted thread waits out its whole stall), race detection makes every shared access several
     * times slower, and rounds run {@code parallel} at once on the same cores; each alone can double or triple
     * a round's time. A real hang runs forever, so a generous multiple only delays its report, while a tight
     * one reports a slow test as a hang: the cost is lopsided.
     */
    public static final int MULTIPLE = 10;

    /**
     * The least a derived limit can be. A test that takes milliseconds plainly still meets noise whose stalls
     * are drawn in milliseconds to a second or two, and a garbage collection or class loading burst of a
     * second must not read as a hang.
     */
    public static final Duration FLOOR = Duration.ofSeconds(5);

    /**
     * The limit of the round that measures the test's normal duration. Generous, since nothing is known yet:
     * a test that takes two minutes plainly is longer than any that is worth jostling round after round, and a
     * test that hangs even without noise is still reported well inside a CI job's own timeout.
     */
    public static final Duration OBSERVATION_LIMIT = Duration.ofMinutes(2);

    private enum Source { FIXED, OBSERVATION, MEASURED }

    private final Duration limit;
    private final Duration normal;
    private final Source source;
    /** The limit this one was cut from by a {@link Deadline}; null when it was not cut. */
    private final RoundTimeout uncut;
    /** The most the round may take in all, before the search's deadline; null when the search has none. */
    private final Duration budget;

    private RoundTimeout(Duration limit, Duration normal, Source source) {
        this(limit, normal, source, null, null);
    }

    private RoundTimeout(Duration limit, Duration normal, Source source, RoundTimeout uncut, Duration budget) {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("round timeout must be positive: " + limit);
        }
        this.limit = limit;
        this.normal = normal;
        this.source = source;
        this.uncut = uncut;
        this.budget = budget == null || !budget.isNegative() ? budget : Duration.ZERO;
    }

    /** A limit the user set: used as given. */
    public static RoundTimeout fixed(Duration limit) {
        return new RoundTimeout(limit, null, Source.FIXED);
    }

    /** The limit of the round without noise that measures the test's normal duration. */
    public static RoundTimeout observation() {
        return new RoundTimeout(OBSERVATION_LIMIT, null, Source.OBSERVATION);
    }

    /**
     * {@link #MULTIPLE} times the given duration of a round without noise, rounded up to whole seconds, at
     * least {@link #FLOOR}.
     */
    public static RoundTimeout measured(Duration normal) {
        // Rounded up to whole seconds: the report reads "13s", and nothing finer is meant.
        Duration scaled = Duration.ofSeconds((normal.multipliedBy(MULTIPLE).toMillis() + 999) / 1000);
        return new RoundTimeout(scaled.compareTo(FLOOR) < 0 ? FLOOR : scaled, normal, Source.MEASURED);
    }

    public Duration limit() {
        return limit;
    }

    /** This limit, shorter: what is left of a search's {@link Deadline}. */
    public RoundTimeout cutTo(Duration shorter) {
        RoundTimeout original = uncut == null ? this : uncut;
        return new RoundTimeout(shorter, normal, source, original, budget);
    }

    /**
     * This limit, for a round that must be over within {@code most} of its start, whatever else it is given:
     * the class loading time a {@link RoundRunner} gives back is cut to fit, and a fork that has not answered
     * by then is killed.
     */
    public RoundTimeout within(Duration most) {
        return new RoundTimeout(limit, normal, source, uncut, most);
    }

    /**
     * The most the round may take in all, from its start: what is left of the search's {@link Deadline} when it
     * starts; null when the search has no deadline.
     */
    public Duration budget() {
        return budget;
    }

    /**
     * Whether the limit was cut short by the end of the search's time: a round that runs out of it ran out of
     * the search's time, not of its own, and is no hang.
     */
    public boolean cut() {
        return uncut != null;
    }

    /** How long the round without noise took, when the limit was derived from it; else null. */
    public Duration normal() {
        return normal;
    }

    /** Whether the limit was derived from the test's measured duration (rather than set). */
    public boolean derived() {
        return source == Source.MEASURED;
    }

    /**
     * Why the limit is what it is, for a timeout report: "The round timeout, 13s, is 10 x the 1.23s a round
     * without noise took (at least 5s)."
     */
    public String explain() {
        switch (source) {
            case MEASURED:
                return "The round timeout, " + format(limit) + ", is " + MULTIPLE + " x the " + seconds(normal)
                        + " a round without noise took (at least " + format(FLOOR) + ").";
            case OBSERVATION:
                return "This was the round without noise that measures how long a round takes, under the generous"
                        + " limit of " + format(OBSERVATION_LIMIT) + ": it hangs even without noise, or takes that"
                        + " long plainly.";
            default:
                return "The round timeout, " + format(limit) + ", was set, not derived from a round's duration.";
        }
    }

    @Override
    public String toString() {
        return format(limit) + (derived() ? " (" + MULTIPLE + " x " + seconds(normal) + ")" : "");
    }
}
