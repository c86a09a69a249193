package dev.jostle.agent.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Sites;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a replay's decisions are checked against the original's. */
class ScheduleTests {

    private static final List<String> THREADS = List.of("main", "adder-a", "adder-b");

    @Test
    void sameDecisions_replayCheck_saysReplayedExactly() {
        Schedule original = recorded(0, 1, 2, 1, 0);

        assertEquals("replayed exactly (5 decisions)", recorded(0, 1, 2, 1, 0).replayCheck(original));
        assertTrue(recorded(0, 1, 2, 1, 0).replays(original));
    }

    @Test
    void otherThreadAtOneStep_replayCheck_namesTheStepAndBothThreads() {
        String check = recorded(0, 1, 1, 1, 0).replayCheck(recorded(0, 1, 2, 1, 0));

        assertEquals("diverged at step 2 (expected thread 'adder-b' (#2), got 'adder-a' (#1))", check);
    }

    @Test
    void replayThatEndsEarly_replayCheck_saysWhereAndHowLongEachWas() {
        assertEquals("diverged at step 3 (expected 5 decisions, got 3)",
                recorded(0, 1, 2).replayCheck(recorded(0, 1, 2, 1, 0)));
    }

    @Test
    void originalNotFullyControlled_replayCheck_claimsNothing() {
        Schedule uncontrolled = Schedule.restored("controlled-random", new int[] {0}, new int[] {0}, new byte[] {0},
                1, 1, THREADS, "thread 'a' blocked", false);

        assertTrue(recorded(0).replayCheck(uncontrolled).startsWith("not checked"), recorded(0).replayCheck(uncontrolled));
        assertFalse(recorded(0).replays(uncontrolled));
    }

    @Test
    void roundsCutByTheirTimeout_replayCheck_comparesTheDecisionsBothTook() {
        Schedule hang = cutByTimeout(0, 1, 2, 1, 0, 1);

        assertEquals("replayed exactly up to the cut (4 decisions; the round was cut at 6 and the replay at 4)",
                cutByTimeout(0, 1, 2, 1).replayCheck(hang));
        assertTrue(cutByTimeout(0, 1, 2, 1, 0, 1, 2).replays(hang));
        assertEquals("diverged at step 2 (expected thread 'adder-b' (#2), got 'adder-a' (#1))",
                cutByTimeout(0, 1, 1).replayCheck(hang), "a different decision before the cut still diverges");
    }

    @Test
    void recordedSteps_keepTheSiteAndEventOfEachChosenThread() {
        int write = Sites.register(Event.FIELD_WRITE, "com.acme.Counter", "add", "Counter.java", 12,
                "com.acme.Counter.count", false);
        Schedule.Recorder recorder = new Schedule.Recorder();
        recorder.add(1, write, Event.FIELD_WRITE);
        recorder.add(0, 0, Event.PARK);

        Schedule schedule = recorder.done("controlled-random", THREADS, null, false);

        assertEquals(2, schedule.kept());
        assertEquals(write, schedule.site(0));
        assertEquals(Event.FIELD_WRITE, schedule.event(0));
        assertEquals(0, schedule.site(1));
        assertEquals(Event.PARK, schedule.event(1));
    }

    @Test
    void manyDecisions_recorder_growsItsArraysTogether() {
        Schedule.Recorder recorder = new Schedule.Recorder();
        for (int step = 0; step < 1000; step++) {
            recorder.add(step % 3, step, Event.FIELD_READ);
        }

        Schedule schedule = recorder.done("controlled-random", THREADS, null, false);

        assertEquals(999, schedule.site(999));
        assertEquals(999 % 3, schedule.thread(999));
    }

    @Test
    void otherThreadAtOneStep_replayCheck_namesWhereEachWasGoing() {
        int write = Sites.register(Event.FIELD_WRITE, "com.acme.Counter", "add", "Counter.java", 12,
                "com.acme.Counter.count", false);
        Schedule.Recorder original = new Schedule.Recorder();
        original.add(2, write, Event.FIELD_WRITE);
        Schedule.Recorder replay = new Schedule.Recorder();
        replay.add(1, 0, Event.PARK);

        String check = replay.done("controlled-random", THREADS, null, false)
                .replayCheck(original.done("controlled-random", THREADS, null, false));

        assertEquals("diverged at step 0 (expected thread 'adder-b' (#2) at com.acme.Counter.add(Counter.java:12)"
                + " field-write com.acme.Counter.count, got 'adder-a' (#1) at park)", check);
    }

    private static Schedule recorded(int... steps) {
        return record(false, steps);
    }

    private static Schedule cutByTimeout(int... steps) {
        return record(true, steps);
    }

    private static Schedule record(boolean cut, int... steps) {
        Schedule.Recorder recorder = new Schedule.Recorder();
        for (int step : steps) {
            recorder.add(step, 0, 0);
        }
        return recorder.done("controlled-random", THREADS, null, cut);
    }
}
