package dev.jostle.agent.schedule;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Sites;
import java.util.Arrays;
import java.util.List;

/**
 * The decisions one controlled round took: at each step, the number of the thread that ran (threads are
 * numbered in the order the round met them, which is itself deterministic under control), with the site
 * ({@link Sites} id, 0 for none) and the event that thread was about to perform, so that a report can show the
 * interleaving. Kept in full up to {@link #KEPT} steps, then as a length and a hash. A replay of the same seed
 * checks its own schedule against the original with {@link #replayCheck}.
 */
public final class Schedule {

    static final int KEPT = 1 << 20;

    private final String policy;
    private final int[] steps;
    private final int[] sites;
    private final byte[] events;
    private final long length;
    private final long hash;
    private final List<String> threads;
    private final String lostControl;
    private final boolean cut;

    Schedule(String policy, int[] steps, int[] sites, byte[] events, long length, long hash, List<String> threads,
            String lostControl, boolean cut) {
        if (sites.length != steps.length || events.length != steps.length) {
            throw new IllegalArgumentException("one site and one event per step: " + steps.length + " steps, "
                    + sites.length + " sites, " + events.length + " events");
        }
        this.policy = policy;
        this.steps = steps;
        this.sites = sites;
        this.events = events;
        this.length = length;
        this.hash = hash;
        this.threads = List.copyOf(threads);
        this.lostControl = lostControl;
        this.cut = cut;
    }

    /**
     * A schedule as another JVM recorded it (a hunt's fork), from what its accessors gave there; {@code sites}
     * are ids of this JVM's {@link Sites}, registered anew from what the other JVM's named.
     */
    public static Schedule restored(String policy, int[] steps, int[] sites, byte[] events, long length, long hash,
            List<String> threads, String lostControl, boolean cut) {
        return new Schedule(policy, steps.clone(), sites.clone(), events.clone(), length, hash, threads,
                lostControl, cut);
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

    /** How many decisions are kept in full: {@link #length()}, at most {@link #KEPT}. */
    public int kept() {
        return steps.length;
    }

    /** The number of the thread chosen at {@code step} (below {@link #kept()}). */
    public int thread(int step) {
        return steps[step];
    }

    /** The {@link Sites} id of what the thread chosen at {@code step} went on to perform; 0 for none. */
    public int site(int step) {
        return sites[step];
    }

    /** The {@link Event} the thread chosen at {@code step} went on to perform. */
    public int event(int step) {
        return events[step];
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
                        + original.at(step) + ", got " + nameOf(steps[step]) + at(step) + ")";
            }
        }
        if (length != original.length) {
            if (cut || original.cut) {
                return "replayed exactly up to the cut (" + common + " decisions; the round was cut at "
                        + original.length + " and the replay at " + length + ")";
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

    /** Where the thread chosen at {@code step} was going: " at Foo.java:12 field-write ...", or "". */
    private String at(int step) {
        if (sites[step] == 0) {
            return events[step] == 0 ? "" : " at " + Event.name(events[step]);
        }
        return " at " + Sites.describe(sites[step]);
    }

    private String nameOf(int number) {
        return number < threads.size() ? "'" + threads.get(number) + "' (#" + number + ")" : "#" + number;
    }

    /** One line for a report. */
    public String describe() {
        return policy + ": " + length + " decisions" + (cut ? " (cut at half the round timeout, then run free)" : "") + ", "
                + threads.size() + " threads, "
                + (fullyControlled() ? "fully controlled" : "not fully controlled: " + lostControl);
    }

    @Override
    public String toString() {
        return describe() + " " + Arrays.toString(Arrays.copyOf(steps, Math.min(steps.length, 20)));
    }

    /**
     * Collects a round's decisions as they are taken. Guarded by the scheduler's lock. Three parallel arrays,
     * grown together by doubling up to {@link #KEPT}: nothing is allocated per step, and a round of {@link #KEPT}
     * steps or more holds 9 bytes a step.
     */
    static final class Recorder {
        private int[] steps = new int[256];
        private int[] sites = new int[256];
        private byte[] events = new byte[256];
        private long length;
        private long hash = 0xCBF29CE484222325L;

        /** Thread {@code number} was chosen, to perform {@code event} at {@code site} (0: none). */
        void add(int number, int site, int event) {
            if (length < KEPT) {
                if (length == steps.length) {
                    int grown = (int) Math.min(KEPT, steps.length * 2L);
                    steps = Arrays.copyOf(steps, grown);
                    sites = Arrays.copyOf(sites, grown);
                    events = Arrays.copyOf(events, grown);
                }
                steps[(int) length] = number;
                sites[(int) length] = site;
                events[(int) length] = (byte) event;
            }
            length++;
            hash = (hash ^ number) * 0x100000001B3L;
        }

        long length() {
            return length;
        }

        Schedule done(String policy, List<String> threads, String lostControl, boolean cut) {
            int kept = (int) Math.min(length, KEPT);
            return new Schedule(policy, Arrays.copyOf(steps, kept), Arrays.copyOf(sites, kept),
                    Arrays.copyOf(events, kept), length, hash, threads, lostControl, cut);
        }
    }
}
