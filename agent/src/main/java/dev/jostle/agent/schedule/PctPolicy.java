package dev.jostle.agent.schedule;

import dev.jostle.agent.noise.SplitMix;
import java.util.Arrays;
import java.util.List;

/**
 * PCT (Burckhardt et al., ASPLOS 2010) on a scheduler that really runs one thread at a time: each thread
 * gets a random priority, the enabled thread of highest priority always runs, and at {@code d - 1} change
 * points, drawn uniformly among the first {@code k} decisions, the running thread drops below every initial
 * priority. That is the setting in which a depth-d bug is found with probability at least 1/(n·k^(d-1)).
 *
 * <p>A thread's priority comes from the seed and its path, not from the order it arrived in. The depth
 * (1 to 3) and {@code k} (log-uniform over 16 to 10 000 decisions) are drawn from the seed too, so a replay
 * of the seed alone makes the same decisions; learning {@code k} from earlier rounds would break that.
 *
 * <p>A thread that spins on a flag while it has the highest priority would spin forever: after
 * {@link #SPIN_LIMIT} decisions in a row it drops below everyone, as if it had yielded.
 */
final class PctPolicy implements SchedulePolicy {

    static final int SPIN_LIMIT = 2_000;

    private final long seed;
    private final int depth;
    private final long steps;
    private final long[] changes;
    private int nextChange;
    private long demotions;
    private int runLength;

    PctPolicy(long seed) {
        this.seed = seed;
        long draws = SplitMix.mix(seed ^ 0x5043545343484CL);
        this.depth = 1 + (int) Long.remainderUnsigned(SplitMix.mix(draws + 1), 3);
        double u = (SplitMix.mix(draws + 2) >>> 11) * 0x1.0p-53;
        this.steps = Math.round(16 * Math.pow(10_000.0 / 16, u));
        this.changes = new long[depth - 1];
        for (int i = 0; i < changes.length; i++) {
            changes[i] = 1 + Long.remainderUnsigned(SplitMix.mix(draws + 3 + i), steps);
        }
        Arrays.sort(changes);
    }

    @Override
    public void met(ScheduledThread thread) {
        thread.priority = depth + (SplitMix.mix(seed ^ SplitMix.mix(thread.path)) >>> 2);
    }

    @Override
    public ScheduledThread choose(List<ScheduledThread> enabled, ScheduledThread last, long step) {
        while (nextChange < changes.length && changes[nextChange] <= step) {
            if (last != null && changes[nextChange] == step) {
                last.priority = depth - 1 - nextChange; // below every initial priority, which is at least depth
            }
            nextChange++;
        }
        ScheduledThread chosen = ScheduledThread.highestPriority(enabled);
        if (chosen == last && enabled.size() > 1 && ++runLength > SPIN_LIMIT) {
            chosen.priority = -(++demotions);
            chosen = ScheduledThread.highestPriority(enabled);
        }
        if (chosen != last) {
            runLength = 0;
        }
        return chosen;
    }

    @Override
    public String describe() {
        return "controlled-pct(d=" + depth + ", k=" + steps + ", changes at " + Arrays.toString(changes) + ")";
    }
}
