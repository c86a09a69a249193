package dev.jostle.agent.schedule;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Site;
import dev.jostle.agent.bootstrap.Sites;
import dev.jostle.agent.noise.SplitMix;
import java.util.List;

/**
 * POS, partial order sampling (Yuan, Yang and Gu, CAV 2018): every pending event (each enabled thread's next
 * step) carries a random priority, and the event of highest priority runs. After it ran, the thread's own next
 * event gets a fresh priority, and so does every pending event of another thread that races with it; the rest
 * keep theirs. Re-drawing only what races keeps the sampling close to uniform over the partial orders of a
 * program instead of over its interleavings, which a random walk over-samples where threads do independent work.
 *
 * <p>Two events race when they touch the same variable and at least one writes, or when both are
 * synchronisation on the same object (monitor enter and exit, wait, notify, thread start and join, unpark;
 * a park counts as on the parking thread, which an unpark names). The hooks give a field access its site,
 * not the object it touches: the variable is the field's member ({@code owner.name}; for arrays, the element
 * type), so two accesses to the same field of different objects count as racing. That over-approximates
 * conflicts: more events are re-drawn than must be, which keeps POS sound and makes it less sharp. A pending
 * event the scheduler cannot run yet (a monitor another thread holds) is re-drawn when the event that enables
 * it runs, since that one races with it.
 *
 * <p>Priorities come from the seed, the thread's path and how many the thread has drawn, never from arrival
 * order, so a replay of the seed alone takes the same decisions. A thread that spins on a flag whose writer
 * does not race with the spin would keep winning fresh draws against one low priority: after
 * {@link #SPIN_LIMIT} decisions in a row every enabled event is re-drawn, as if all of them raced.
 */
final class PosPolicy implements SchedulePolicy {

    static final int SPIN_LIMIT = 2_000;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long seed;
    /** The thread that ran last and what it performed then: its fields already describe its next event. */
    private ScheduledThread ran;
    private int ranEvent;
    private Object ranTarget;
    private int ranSite;
    private int runLength;

    PosPolicy(long seed) {
        this.seed = SplitMix.mix(seed ^ 0x504F53L);
    }

    @Override
    public void met(ScheduledThread thread) {
        redraw(thread);
    }

    @Override
    public ScheduledThread choose(List<ScheduledThread> enabled, ScheduledThread last, long step) {
        if (ran != null) {
            redraw(ran);
            for (ScheduledThread thread : enabled) {
                if (thread != ran && races(thread)) {
                    redraw(thread);
                }
            }
        }
        ScheduledThread chosen = ScheduledThread.highestPriority(enabled);
        if (chosen == ran && enabled.size() > 1 && ++runLength > SPIN_LIMIT) {
            for (ScheduledThread thread : enabled) {
                redraw(thread);
            }
            chosen = ScheduledThread.highestPriority(enabled);
            runLength = 0;
        }
        if (chosen != ran) {
            runLength = 0;
        }
        ran = chosen;
        ranEvent = chosen.event;
        ranTarget = syncTarget(chosen);
        ranSite = chosen.site;
        return chosen;
    }

    /** Whether the thread's pending event races with the one {@link #ran} performed. */
    private boolean races(ScheduledThread pending) {
        if (isAccess(ranEvent) && isAccess(pending.event)) {
            Site done = Sites.get(ranSite);
            Site next = Sites.get(pending.site);
            return done != null && next != null && done.member != null && done.member.equals(next.member)
                    && (done.isWrite() || next.isWrite());
        }
        Object target = syncTarget(pending);
        return ranTarget != null && target == ranTarget;
    }

    private static boolean isAccess(int event) {
        return event == Event.FIELD_READ || event == Event.FIELD_WRITE
                || event == Event.ARRAY_READ || event == Event.ARRAY_WRITE;
    }

    /** The object a synchronisation event acts on: a park acts on its own thread, which unpark names. */
    private static Object syncTarget(ScheduledThread thread) {
        if (isAccess(thread.event)) {
            return null;
        }
        return thread.event == Event.PARK ? thread.thread : thread.target;
    }

    private void redraw(ScheduledThread thread) {
        long stream = SplitMix.mix(seed ^ SplitMix.mix(thread.path));
        thread.priority = SplitMix.mix(stream + GOLDEN * ++thread.draws) >>> 1;
    }

    @Override
    public String describe() {
        return "controlled-pos";
    }
}
