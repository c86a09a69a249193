package dev.jostle.engine;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The moment by which a whole search (rounds, the rounds in flight, replays, the report) must be over, and
 * the round limits that keep it: a round may run its full timeout only while that, and the grace its threads
 * get when it runs out, ends before the deadline less {@link #RESERVE}; a round that starts later gets what is
 * left, cut ({@link RoundTimeout#cut()}). A cut round that runs out proves nothing (it is not a hang) and its
 * threads get no grace. Without a deadline ({@link #NONE}) every round gets its full timeout.
 */
public final class Deadline {

    /** Kept back for what follows the last round: the report. */
    static final Duration RESERVE = Duration.ofMillis(500);

    /** How long a round that runs out of its full timeout may take past it: its threads' grace, twice. */
    static final Duration AFTER_TIMEOUT = RoundRunner.GRACE.multipliedBy(2);

    /** No deadline: rounds run their full timeout, replays all run. */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE, Duration.ZERO, System::nanoTime);

    private final long atNanos;
    private final long reserveNanos;
    private final LongSupplier clock;

    private Deadline(long atNanos, Duration reserve, LongSupplier clock) {
        this.atNanos = atNanos;
        this.reserveNanos = reserve.toNanos();
        this.clock = clock;
    }

    /** The deadline {@code span} after now, by the given clock (nanoseconds, as {@link System#nanoTime()}). */
    public static Deadline after(Duration span, LongSupplier clock) {
        return after(span, RESERVE, clock);
    }

    /** As {@link #after(Duration, LongSupplier)}, keeping {@code reserve} back rather than {@link #RESERVE}. */
    public static Deadline after(Duration span, Duration reserve, LongSupplier clock) {
        return new Deadline(clock.getAsLong() + span.toNanos(), reserve, clock);
    }

    /** Whether a round may still start: some time is left before the deadline, less the reserve. */
    public boolean allowsRound() {
        return left() > 0;
    }

    /**
     * Whether a round expected to take {@code expected} may still start: that much is left before the
     * deadline, less the reserve. A round started without it would be cut short, and prove nothing.
     */
    public boolean allowsRound(Duration expected) {
        long left = left();
        return left > 0 && (left == Long.MAX_VALUE || left >= expected.toNanos());
    }

    /**
     * The timeout a round starting now may run under: the given one, or what is left of the deadline; within
     * what is left of the deadline in either case ({@link RoundTimeout#budget()}), so that nothing the round is
     * given on top of its limit (class loading time) carries it past the deadline.
     */
    public RoundTimeout limit(RoundTimeout timeout) {
        long left = left();
        if (left == Long.MAX_VALUE) {
            return timeout;
        }
        long full = timeout.limit().toNanos();
        Duration budget = Duration.ofNanos(Math.max(left, 0));
        if (left - AFTER_TIMEOUT.toNanos() >= full) {
            return timeout.within(budget);
        }
        return timeout.cutTo(Duration.ofNanos(Math.max(Math.min(left, full), Duration.ofMillis(1).toNanos())))
                .within(budget);
    }

    private long left() {
        if (atNanos == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return atNanos - reserveNanos - clock.getAsLong();
    }
}
