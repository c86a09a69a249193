package dev.jostle.agent.schedule;

import java.util.List;

/**
 * Picks the thread that runs next among the enabled ones. Draws only from the round seed and what the
 * scheduler passes in, so the same seed and the same program take the same decisions.
 */
interface SchedulePolicy {

    /** Called once per thread, when the round first meets it. */
    void met(ScheduledThread thread);

    /**
     * The thread to run at decision {@code step} (0-based).
     *
     * @param enabled the schedulable threads, in a stable order (by path), never empty
     * @param last    the thread that held the baton before this decision, or null
     */
    ScheduledThread choose(List<ScheduledThread> enabled, ScheduledThread last, long step);

    /** The policy with its drawn parameters, starting with the strategy id. */
    String describe();
}
