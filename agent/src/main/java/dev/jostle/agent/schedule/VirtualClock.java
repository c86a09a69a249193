package dev.jostle.agent.schedule;

/**
 * A controlled round's time: what {@code System.nanoTime} and {@code currentTimeMillis} return to the thread
 * holding the baton, in user code and inside {@code java.util.concurrent}, and when a timed wait, park or sleep
 * is due. Real time would make the schedule depend on how fast the machine is: a pool's worker polling with a
 * timeout re-parks as often as the real clock says it has time left, and every re-park is a decision.
 *
 * <p>The clock moves only in ways the schedule fixes: each decision and each read by the baton holder advance it
 * by {@link #STEP_NANOS} (so a sleep ends while others spin, and a loop that spins on the clock ends); when no
 * thread of the round can run, it jumps to the earliest deadline; and a short sleep or timeout chosen to end early
 * moves it to that one's end ({@link Scheduler} decides when). A long sleep therefore lasts until the round's
 * other threads have nothing left to do, or have taken a step per microsecond of it: code that sleeps to let
 * other threads get somewhere finds them there, as it would without Jostle. Guarded by the scheduler's lock.
 */
final class VirtualClock {

    /** The deadline of a wait without a timeout. */
    static final long NEVER = Long.MAX_VALUE;
    /**
     * What one decision, or one read of the clock, takes in virtual time: about what a controlled step takes in
     * real time, so that a controlled round's sleeps last about as long as they say, in steps of its threads.
     */
    static final long STEP_NANOS = 1_000L;

    private final long baseNanos;
    private final long baseMillis;
    /** Virtual nanoseconds since the round's scheduler was made. */
    private long elapsed;

    VirtualClock(long realNanos, long realMillis) {
        this.baseNanos = realNanos;
        this.baseMillis = realMillis;
    }

    /** {@code System.nanoTime()} for the baton holder: a read moves the clock. */
    long readNanos() {
        elapsed += STEP_NANOS;
        return baseNanos + elapsed;
    }

    /** {@code System.currentTimeMillis()} for the baton holder. */
    long readMillis() {
        elapsed += STEP_NANOS;
        return baseMillis + elapsed / 1_000_000L;
    }

    /** A decision was taken. */
    void step() {
        elapsed += STEP_NANOS;
    }

    /** The time as a thread that does not hold the baton sees it: reading it changes nothing. */
    long peekNanos() {
        return baseNanos + elapsed;
    }

    long peekMillis() {
        return baseMillis + elapsed / 1_000_000L;
    }

    /** Virtual nanoseconds since the round began: the scale deadlines are on. */
    long now() {
        return elapsed;
    }

    /** The virtual time at which a timeout of {@code nanos} from now ends; a non-positive one is due now. */
    long deadlineAfter(long nanos) {
        if (nanos <= 0) {
            return elapsed;
        }
        return nanos >= NEVER - elapsed ? NEVER - 1 : elapsed + nanos;
    }

    boolean due(long deadline) {
        return deadline <= elapsed;
    }

    /** Moves the clock to {@code deadline} if it is later: the round had nothing to run before it. */
    void advanceTo(long deadline) {
        if (deadline > elapsed && deadline != NEVER) {
            elapsed = deadline;
        }
    }

    /**
     * How far the virtual time is ahead of the real one now: once control ends, the round's threads see the
     * real clock plus this, so that no thread sees time go back.
     */
    long leadOver(long realNanos) {
        return Math.max(0, baseNanos + elapsed - realNanos);
    }
}
