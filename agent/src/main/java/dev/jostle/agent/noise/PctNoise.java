package dev.jostle.agent.noise;

import dev.jostle.agent.bootstrap.Event;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * PCT (Burckhardt et al., ASPLOS 2010) approximated on real threads. Each thread gets a random priority
 * when it first arrives, drawn from the round seed and its path, so the same thread gets the same
 * priority in a replay. At {@code d - 1} random steps of the round (one shared step counter) the thread
 * taking that step drops to a priority below every initial one. At each scheduling point, a thread that is
 * not the highest-priority among the threads seen recently is held back with short parks, so the higher
 * one runs first.
 *
 * <p>Real threads cannot be paused from outside and may block where no hook sees it, so a hold is always
 * bounded: a thread counts as active only if it reached a point within {@link #ACTIVE_NANOS} (and not
 * after announcing a blocking call), a single hold lasts at most the drawn maximum, and all holds of a
 * round share one {@link Budget}. A blocked high-priority thread thus stalls the others for about a
 * millisecond, never forever.
 *
 * <p>The table of threads is a few lock-free arrays: no lock user code could hold, no allocation after a
 * thread's first point.
 */
final class PctNoise implements NoisePlan {

    /** Threads tracked per round; later ones are neither held nor hold anyone back. */
    static final int SLOTS = 64;
    /** A thread not seen for this long no longer holds anyone back. */
    static final long ACTIVE_NANOS = 1_000_000L;
    static final long SLICE_NANOS = 50_000L;
    static final long CAP_NANOS = 100_000_000L;
    private static final long INACTIVE = Long.MIN_VALUE;

    private final long seed;
    private final int depth;
    /** changeSteps[i] is the step at which the thread taking it drops to priority i + 1. */
    private final long[] changeSteps;
    private final long maxHoldNanos;
    private final Budget budget;
    private final Delays delays;

    private final AtomicInteger slotsTaken = new AtomicInteger();
    private final AtomicLongArray priorities = new AtomicLongArray(SLOTS);
    private final AtomicLongArray lastSeen = new AtomicLongArray(SLOTS);
    /** The path each slot was claimed for, and whether its thread has arrived to own it. */
    private final AtomicLongArray paths = new AtomicLongArray(SLOTS);
    private final AtomicIntegerArray owned = new AtomicIntegerArray(SLOTS);
    private final AtomicLong steps = new AtomicLong();

    PctNoise(long seed, long[] changeSteps, long maxHoldNanos, Budget budget, Delays delays) {
        this.seed = seed;
        this.depth = changeSteps.length + 1;
        this.changeSteps = changeSteps.clone();
        this.maxHoldNanos = maxHoldNanos;
        this.budget = budget;
        this.delays = delays;
        for (int i = 0; i < SLOTS; i++) {
            lastSeen.set(i, INACTIVE);
        }
    }

    /**
     * Draws the depth d (1 to 3), the d - 1 change steps (log-uniform over 1 to 20 000 steps: the number of
     * steps a round takes is not known in advance, and this keeps short rounds likely to see a change) and
     * the longest single hold (200 us to 3 ms).
     */
    static PctNoise drawn(long seed, Delays delays) {
        Draws draws = new Draws(seed, 0x504354L);
        int depth = draws.between(0, 1, 3);
        long[] changes = new long[depth - 1];
        for (int i = 0; i < changes.length; i++) {
            changes[i] = draws.logUniform(1 + i, 1, 20_000);
        }
        long maxHold = draws.logUniform(4, 200_000L, 3_000_000L);
        return new PctNoise(seed, changes, maxHold, new Budget(CAP_NANOS), delays);
    }

    /** A thread's initial priority: above every change-point priority (1 .. d - 1), from seed and path. */
    long initialPriority(long path) {
        return (SplitMix.mix(seed ^ SplitMix.mix(path ^ 0x5052494FL)) >>> 8) | (1L << 55);
    }

    @Override
    public void atPoint(NoiseThread thread, int event, int site) {
        int slot = slot(thread);
        if (slot < 0) {
            return;
        }
        long step = steps.incrementAndGet();
        for (int i = 0; i < changeSteps.length; i++) {
            if (changeSteps[i] == step) {
                priorities.set(slot, i + 1);
            }
        }
        long now = delays.nanoTime();
        lastSeen.set(slot, now);
        hold(thread, slot, site, now);
        if (mayBlock(event)) {
            // About to wait for another thread: holding others back for it would only stall the round.
            lastSeen.set(slot, INACTIVE);
        }
    }

    private void hold(NoiseThread thread, int slot, int site, long now) {
        long start = now;
        boolean noted = false;
        while (now - start < maxHoldNanos && higherActive(slot, now)) {
            long granted = budget.available(Math.min(SLICE_NANOS, maxHoldNanos - (now - start)));
            if (granted <= 0) {
                return;
            }
            if (!noted) {
                thread.noteNoise(site);
                noted = true;
            }
            long before = now;
            delays.park(thread, granted);
            now = delays.nanoTime();
            budget.spend(now - before);
            lastSeen.set(slot, now); // held, not gone: still counts for the threads below it
        }
    }

    private boolean higherActive(int slot, long now) {
        long mine = priorities.get(slot);
        int taken = Math.min(slotsTaken.get(), SLOTS);
        for (int other = 0; other < taken; other++) {
            if (other == slot) {
                continue;
            }
            long seen = lastSeen.get(other);
            if (seen != INACTIVE && now - seen <= ACTIVE_NANOS && priorities.get(other) > mine) {
                return true;
            }
        }
        return false;
    }

    /**
     * Events after which the thread may block: a wait, a park, a monitor enter, a call into
     * {@code java.util.concurrent} (a lock, a queue, a join). PCT runs the highest <em>enabled</em> thread;
     * a real thread's blocking is invisible, so it stops counting here and counts again at its next point.
     */
    private static boolean mayBlock(int event) {
        return event == Event.WAIT || event == Event.PARK || event == Event.SYNC_CALL
                || event == Event.MONITOR_ENTER;
    }

    /**
     * PCT assumes every thread exists from the start; a real thread arrives a hundred microseconds or so
     * after its parent started it, by when the others may be done. So a thread being started takes its
     * slot (and counts as active) at once: a lower-priority thread already running waits for it.
     */
    @Override
    public void threadStarting(NoiseThread parent, long childPath) {
        int index = claim(childPath);
        if (index >= 0) {
            lastSeen.set(index, delays.nanoTime());
        }
    }

    /** The thread's slot in the table, found or claimed at its first point; -1 once the table is full. */
    private int slot(NoiseThread thread) {
        Object state = thread.planState();
        if (state instanceof Slot) {
            return ((Slot) state).index;
        }
        int index = reserved(thread.path());
        if (index < 0) {
            index = claim(thread.path());
            if (index >= 0) {
                owned.set(index, 1);
            }
        }
        thread.keepPlanState(new Slot(index));
        return index;
    }

    /** The slot its parent reserved for this path and no thread owns yet, now owned; or -1. */
    private int reserved(long path) {
        int taken = Math.min(slotsTaken.get(), SLOTS);
        for (int i = 0; i < taken; i++) {
            if (paths.get(i) == path && owned.compareAndSet(i, 0, 1)) {
                return i;
            }
        }
        return -1;
    }

    private int claim(long path) {
        int index = slotsTaken.getAndIncrement();
        if (index >= SLOTS) {
            return -1;
        }
        paths.set(index, path);
        priorities.set(index, initialPriority(path));
        return index;
    }

    /** How many slots are taken: threads arrived or being started. */
    int trackedThreads() {
        return Math.min(slotsTaken.get(), SLOTS);
    }

    /** The current priority of a thread that has arrived, for tests and reports; -1 if not tracked. */
    long priorityOf(NoiseThread thread) {
        Object state = thread.planState();
        int index = state instanceof Slot ? ((Slot) state).index : -1;
        return index < 0 ? -1 : priorities.get(index);
    }

    @Override
    public String describe() {
        return "pct(d=" + depth + ", changeSteps=" + Arrays.toString(changeSteps) + ", maxHold="
                + Draws.describeNanos(maxHoldNanos) + ", active=" + Draws.describeNanos(ACTIVE_NANOS)
                + ", cap=" + budget.describeTotal() + ")";
    }

    private static final class Slot {
        final int index;

        Slot(int index) {
            this.index = index;
        }
    }
}
