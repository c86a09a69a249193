package dev.jostle.agent.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Sites;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * POS driven directly, with threads whose next events are set by hand: which pending events get fresh
 * priorities after an event ran, and that the seed alone fixes every decision.
 */
class PosPolicyTests {

    private static final int WRITE_BALANCE = field(Event.FIELD_WRITE, "Account.balance");
    private static final int READ_BALANCE = field(Event.FIELD_READ, "Account.balance");
    private static final int READ_OWNER = field(Event.FIELD_READ, "Account.owner");
    private static final int WRITE_SLOTS = Sites.register(Event.ARRAY_WRITE, "Buffer", "put", "Buffer.java", 9,
            "int[]", false);
    private static final int READ_SLOTS = Sites.register(Event.ARRAY_READ, "Buffer", "take", "Buffer.java", 14,
            "int[]", false);

    @Test
    void sameSeed_sameProgram_takesTheSameDecisions() {
        int[] first = decisions(11);

        assertArrayEquals(first, decisions(11));
        assertFalse(Arrays.equals(first, decisions(12)), "seeds 11 and 12 took the same 300 decisions");
    }

    @Test
    void pendingReadOfTheFieldJustWritten_afterTheWrite_getsAFreshPriority() {
        PosPolicy policy = new PosPolicy(5);
        ScheduledThread writer = thread(policy, 1, Event.FIELD_WRITE, WRITE_BALANCE);
        ScheduledThread reader = thread(policy, 2, Event.FIELD_READ, READ_BALANCE);
        List<ScheduledThread> enabled = List.of(writer, reader);
        runs(policy, enabled, writer);
        long before = reader.priority;

        policy.choose(enabled, writer, 1);

        assertNotEquals(before, reader.priority, "a read racing with the write kept its priority");
    }

    @Test
    void pendingAccessesThatDoNotRace_afterAWrite_keepTheirPriorities() {
        PosPolicy policy = new PosPolicy(5);
        ScheduledThread writer = thread(policy, 1, Event.FIELD_WRITE, WRITE_BALANCE);
        ScheduledThread otherField = thread(policy, 2, Event.FIELD_READ, READ_OWNER);
        ScheduledThread array = thread(policy, 3, Event.ARRAY_READ, READ_SLOTS);
        ScheduledThread monitor = thread(policy, 4, Event.MONITOR_ENTER, 0);
        monitor.target = new Object();
        List<ScheduledThread> enabled = List.of(writer, otherField, array, monitor);
        runs(policy, enabled, writer);
        long[] before = {otherField.priority, array.priority, monitor.priority};

        policy.choose(enabled, writer, 1);

        assertArrayEquals(before, new long[] {otherField.priority, array.priority, monitor.priority});
    }

    @Test
    void twoReadsOfOneField_afterOneRead_theOtherKeepsItsPriority() {
        PosPolicy policy = new PosPolicy(6);
        ScheduledThread first = thread(policy, 1, Event.FIELD_READ, READ_BALANCE);
        ScheduledThread second = thread(policy, 2, Event.FIELD_READ, READ_BALANCE);
        List<ScheduledThread> enabled = List.of(first, second);
        runs(policy, enabled, first);
        long before = second.priority;

        policy.choose(enabled, first, 1);

        assertEquals(before, second.priority);
    }

    @Test
    void arrayReadOfTheElementTypeJustWritten_afterTheWrite_getsAFreshPriority() {
        PosPolicy policy = new PosPolicy(7);
        ScheduledThread writer = thread(policy, 1, Event.ARRAY_WRITE, WRITE_SLOTS);
        ScheduledThread reader = thread(policy, 2, Event.ARRAY_READ, READ_SLOTS);
        List<ScheduledThread> enabled = List.of(writer, reader);
        runs(policy, enabled, writer);
        long before = reader.priority;

        policy.choose(enabled, writer, 1);

        assertNotEquals(before, reader.priority);
    }

    @Test
    void enterOfTheMonitorJustReleased_afterTheExit_getsAFreshPriorityAndAnotherMonitorsDoesNot() {
        PosPolicy policy = new PosPolicy(8);
        Object lock = new Object();
        ScheduledThread releaser = thread(policy, 1, Event.MONITOR_EXIT, 0);
        releaser.target = lock;
        ScheduledThread sameLock = thread(policy, 2, Event.MONITOR_ENTER, 0);
        sameLock.target = lock;
        ScheduledThread otherLock = thread(policy, 3, Event.MONITOR_ENTER, 0);
        otherLock.target = new Object();
        List<ScheduledThread> enabled = List.of(releaser, sameLock, otherLock);
        runs(policy, enabled, releaser);
        long sameBefore = sameLock.priority;
        long otherBefore = otherLock.priority;

        policy.choose(enabled, releaser, 1);

        assertNotEquals(sameBefore, sameLock.priority, "the enter racing with the exit kept its priority");
        assertEquals(otherBefore, otherLock.priority);
    }

    @Test
    void parkOfTheThreadJustUnparked_afterTheUnpark_getsAFreshPriority() {
        PosPolicy policy = new PosPolicy(9);
        ScheduledThread parker = thread(policy, 2, Event.PARK, 0);
        ScheduledThread unparker = thread(policy, 1, Event.UNPARK, 0);
        unparker.target = parker.thread;
        List<ScheduledThread> enabled = List.of(unparker, parker);
        runs(policy, enabled, unparker);
        long before = parker.priority;

        policy.choose(enabled, unparker, 1);

        assertNotEquals(before, parker.priority);
    }

    @Test
    void threadThatRan_nextDecision_drawsAFreshPriorityForItsNextEvent() {
        PosPolicy policy = new PosPolicy(10);
        ScheduledThread runner = thread(policy, 1, Event.FIELD_READ, READ_OWNER);
        ScheduledThread idle = thread(policy, 2, Event.FIELD_READ, READ_BALANCE);
        List<ScheduledThread> enabled = List.of(runner, idle);
        runs(policy, enabled, runner);
        long before = runner.priority;

        policy.choose(enabled, runner, 1);

        assertNotEquals(before, runner.priority);
    }

    @Test
    void describe_startsWithTheStrategyId() {
        assertTrue(new PosPolicy(1).describe().startsWith("controlled-pos"), new PosPolicy(1).describe());
    }

    /** Three threads with scripted steps over two fields, one monitor and an array, run for 300 decisions. */
    private static int[] decisions(long seed) {
        PosPolicy policy = new PosPolicy(seed);
        int[][] scripts = {
            {Event.FIELD_READ, READ_BALANCE, Event.FIELD_WRITE, WRITE_BALANCE, Event.MONITOR_ENTER, 0},
            {Event.FIELD_READ, READ_OWNER, Event.ARRAY_WRITE, WRITE_SLOTS, Event.MONITOR_EXIT, 0},
            {Event.FIELD_WRITE, WRITE_BALANCE, Event.ARRAY_READ, READ_SLOTS, Event.SYNC_CALL, 0}};
        Object lock = new Object();
        ScheduledThread[] threads = new ScheduledThread[scripts.length];
        int[] positions = new int[scripts.length];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = thread(policy, 100 + i, scripts[i][0], scripts[i][1]);
            threads[i].target = lock;
        }
        List<ScheduledThread> enabled = List.of(threads);
        int[] chosen = new int[300];
        ScheduledThread last = null;
        for (int step = 0; step < chosen.length; step++) {
            last = policy.choose(enabled, last, step);
            chosen[step] = last.number;
            int[] script = scripts[last.number];
            positions[last.number] = (positions[last.number] + 2) % script.length;
            last.event = script[positions[last.number]];
            last.site = script[positions[last.number] + 1];
        }
        return chosen;
    }

    /** Makes {@code first} the highest of the enabled threads and lets it run. */
    private static void runs(PosPolicy policy, List<ScheduledThread> enabled, ScheduledThread first) {
        first.priority = Long.MAX_VALUE;
        assertSame(first, policy.choose(enabled, null, 0));
    }

    private static ScheduledThread thread(PosPolicy policy, long path, int event, int site) {
        int number = (int) (path % 100);
        ScheduledThread thread = new ScheduledThread(new Thread(() -> { }), path, number, "t" + number, 0);
        thread.event = event;
        thread.site = site;
        policy.met(thread);
        return thread;
    }

    private static int field(int kind, String member) {
        return Sites.register(kind, "Account", "run", "Account.java", 1, member, false);
    }
}
