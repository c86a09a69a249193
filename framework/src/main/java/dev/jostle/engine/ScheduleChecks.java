package dev.jostle.engine;

import dev.jostle.agent.schedule.Schedule;

/**
 * A controlled round's replays, checked decision by decision against the round: a replay that fails again
 * by the same schedule is the exact replay a controlled round promises; one that fails by another schedule
 * says where it parted (the first such place is kept).
 */
final class ScheduleChecks {

    private final Schedule original;
    private int checked;
    private int exact;
    private String firstDivergence;

    ScheduleChecks(Schedule original) {
        this.original = original;
    }

    void replayed(Schedule replay) {
        if (original == null || !original.fullyControlled()) {
            return;
        }
        checked++;
        String verdict = replay == null ? "the replay ran uncontrolled" : replay.replayCheck(original);
        if (verdict.startsWith("replayed exactly")) {
            exact++;
        } else if (firstDivergence == null) {
            firstDivergence = verdict;
        }
    }

    /** For the report; null for a round that was not controlled. */
    String describe() {
        if (original == null) {
            return null;
        }
        if (!original.fullyControlled()) {
            return "decisions not checked: the round was not fully controlled (" + original.lostControl() + ")";
        }
        String text = "decisions replayed exactly in " + exact + " of " + checked;
        return firstDivergence == null ? text : text + " (" + firstDivergence + ")";
    }
}
