package dev.jostle.agent.schedule;

import java.util.Arrays;
import java.util.List;

/**
 * The decisions one controlled round took: at each step, the number of the thread that ran (threads are
 * numbered in the order the round met them, which is itself deterministic under control). Kept in full up to
 * {@link #KEPT} steps, then as a length and a hash. A replay of the same seed checks its own schedule against
 * the original with {@link #replayCheck}.
 */
public final class Schedule {

    static final int KEPT = 1 << 20;

    private final String policy;
    private final int[] steps;
    private final long length;
    private final long hash;
    private final List<String> threads;
    private final String lostControl;
    private final boolean cut;

    Schedule(String policy, int[] steps, long length, long hash, List<String> threads, String lostControl,
            boolean cut) {
        this.policy = policy;
        this.steps = steps;
        this.length = length;
        this.hash = hash;
        this.threads = List.copyOf(threads);
        this.lostControl = lostControl;
        this.cut = cut;
    }

    /** A schedule as another JVM recorded it (a hunt's fork), from what its accessors gave there. */
    public static Schedule restored(String policy, int[] steps, long length, long hash, List<String> threads,
            String lostControl, boolean cut) {
        return new Schedule(policy, steps.clone(), length, hash, threads, lostControl, cut);
    }

    /** The policy with its drawn parameters, e.g. {@code controlled-pct(d=2, k=300, changes at [17])}. */
    public String policy() {
        return policy;
    }

    /** How many decisions the round took. */
    public long length() {
        return length;
    }

    /** A hash of the whole sequence of decisions. */
    public long hash() {
        return hash;
    }

    /** The thread numbers of the first {@link #KEPT} decisions. */
    public int[] steps() {
        return steps.clone();
    }

    /** The names of the round's threads, by number. */
    public List<String> threads() {
        return threads;
    }

    /** Whether every thread ran under control from start to end; only then is a replay exact. */
    public boolean fullyControlled() {
        return lostControl == null;
    }

    /**
     * Whether the round ran out of time and its decisions stop where the timeout cut them: a hang's length
     * depends on the clock, so a replay of it is compared over the decisions both took.
     */
    public boolean cut() {
        return cut;
    }

    /** Why the round was not fully controlled (the first reason), or null. */
    public String lostControl() {
        return lostControl;
    }

    /**
     * Compares this schedule, a replay's, with the {@code original} one: {@code "replayed exactly (N
     * decisions)"}, or where they part: {@code "diverged at step N (expected thread A, got B)"}.
     */
    public String replayCheck(Schedule original) {
        if (!original.fullyControlled()) {
            return "not checked: the original round was not fully controlled (" + original.lostControl + ")";
        }
        if (!fullyControlled()) {
            return "not checked: the replay was not fully controlled (" + lostControl + ")";
        }
        int common = (int) Math.min(Math.min(length, original.length), KEPT);
        for (int step = 0; step < common; step++) {
            if (steps[step] != original.steps[step]) {
                return "diverged at step " + step + " (expected thread " + original.nameOf(original.steps[step])
                        + ", got " + nameOf(steps[step]) + ")";
            }
        }
        if (length != original.length) {
            if (cut || original.cut) {
                return "replayed exactly up to the round timeout (" + common + " decisions; the timeout cut the round"
                        + " at " + original.length + " and the replay at " + length + ")";
            }
            return "diverged at step " + common + " (expected " + original.length + " decisions, got " + length + ")";
        }
        if (hash != original.hash) {
            return "diverged after step " + KEPT + " (the hashes of the decisions differ)";
        }
        return "replayed exactly (" + length + " decisions)";
    }

    /** Whether {@link #replayCheck} says the replay took exactly the original's decisions. */
    public boolean replays(Schedule original) {
        return replayCheck(original).startsWith("replayed exactly");
    }

    private String nameOf(int number) {
        return number < threads.size() ? "'" + threads.get(number) + "' (#" + number + ")" : "#" + number;
    }

    /** One line for a report. */
    public String describe() {
        return policy + ": " + length + " decisions" + (cut ? " (cut by the round timeout)" : "") + ", "
                + threads.size() + " threads, "
                + (fullyControlled() ? "fully controlled" : "not fully controlled: " + lostControl);
    }

    @Override
    public String toString() {
        return describe() + " " + Arrays.toString(Arrays.copyOf(steps, Math.min(steps.length, 20)));
    }

    /** Collects a round's decisions as they are taken. Guarded by the scheduler's lock. */
    static final class Recorder {
        private int[] steps = new int[256];
        private long length;
        private long hash = 0xCBF29CE484222325L;

        void add(int number) {
            if (length < KEPT) {
                if (length == steps.length) {
                    steps = Arrays.copyOf(steps, (int) Math.min(KEPT, steps.length * 2L));
                }
                steps[(int) length] = number;
            }
            length++;
            hash = (hash ^ number) * 0x100000001B3L;
        }

        long length() {
            return length;
        }

        Schedule done(String policy, List<String> threads, String lostControl, boolean cut) {
            return new Schedule(policy, Arrays.copyOf(steps, (int) Math.min(length, KEPT)), length, hash, threads,
                    lostControl, cut);
        }
    }
}
