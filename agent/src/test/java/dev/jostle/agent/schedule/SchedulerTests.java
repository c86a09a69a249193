package dev.jostle.agent.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.bootstrap.Event;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The scheduler driven directly: a round that ends frees every thread still waiting for its turn. */
class SchedulerTests {

    @Test
    void threadWaitingForItsTurn_schedulerClosed_goesOn() throws InterruptedException {
        Scheduler scheduler = Scheduler.randomWalk(1);
        scheduler.atPoint(1, "main", Event.FIELD_READ, null, 0); // alone: its turn at once, and it keeps the baton
        AtomicBoolean passed = new AtomicBoolean();
        Thread other = new Thread(() -> {
            scheduler.atPoint(2, "other", Event.FIELD_READ, null, 0); // main holds the baton: waits
            passed.set(true);
        });
        other.start();
        waitingForItsTurn(other);

        scheduler.close();
        other.join(60_000); // a guard against a hang, not a speed goal

        assertFalse(other.isAlive(), "still waiting after the scheduler closed");
        assertEquals(true, passed.get());
    }

    @Test
    void threadParkedWithNobodyToUnparkIt_afterClose_returnsEarlyAsParksMay() throws InterruptedException {
        Scheduler scheduler = Scheduler.randomWalk(2);
        scheduler.atPoint(1, "main", Event.FIELD_READ, null, 0);
        boolean[] modelled = {true};
        Thread parker = new Thread(() -> modelled[0] = scheduler.park(2, "parker", false, 0));
        parker.start();
        waitingForItsTurn(parker);

        scheduler.close();
        parker.join(60_000);

        assertFalse(parker.isAlive(), "still parked after the scheduler closed");
        // Not left to the caller: its real park could wait for ever, the wait for the turn having used up a real
        // permit the model never saw (a thread outside the round completing a future did that).
        assertTrue(modelled[0], "the park returned early: the caller re-checks its condition, as after any park");
    }

    @Test
    void twoThreadsEachWantingTheMonitorTheOtherHolds_isADeadlockUnderControl_andReplaysExactly()
            throws InterruptedException {
        Schedule original = lockOrderDeadlock(7);
        Schedule replay = lockOrderDeadlock(7);

        assertTrue(original.fullyControlled(), original.describe()); // not "a wake-up the agent did not see"
        assertEquals("replayed exactly (" + original.length() + " decisions)", replay.replayCheck(original));
    }

    /**
     * main takes monitor A and starts 'other', which takes B then wants A; main, once other holds B, wants B.
     * No real monitor is taken: the scheduler's model alone holds them. Returns the schedule once it closed.
     */
    private static Schedule lockOrderDeadlock(long seed) throws InterruptedException {
        Scheduler scheduler = Scheduler.randomWalk(seed);
        Object a = new Object();
        Object b = new Object();
        AtomicBoolean otherHoldsB = new AtomicBoolean();
        scheduler.atPoint(1, "main", Event.MONITOR_ENTER, a, 0);
        scheduler.acquired(a);
        Thread other = new Thread(() -> {
            scheduler.atPoint(2, "other", Event.MONITOR_ENTER, b, 0);
            scheduler.acquired(b);
            otherHoldsB.set(true);
            scheduler.atPoint(2, "other", Event.MONITOR_ENTER, a, 0);
        }, "other");
        scheduler.threadStarting(other, 2);
        scheduler.atPoint(1, "main", Event.THREAD_START, other, 0);
        other.start();
        while (!otherHoldsB.get()) {
            scheduler.atPoint(1, "main", Event.FIELD_READ, null, 0);
        }
        scheduler.atPoint(1, "main", Event.MONITOR_ENTER, b, 0); // returns only because the scheduler closed
        other.join(60_000); // a guard against a hang, not a speed goal
        assertFalse(other.isAlive(), "still waiting after the deadlock was found");
        return scheduler.schedule();
    }

    @Test
    void threadBlockedInTheJvmOnAMonitorARoundThreadHolds_waitsUnderControl_andReplaysExactly()
            throws InterruptedException {
        Schedule original = blockedOnAHeldMonitor(3);
        Schedule replay = blockedOnAHeldMonitor(3);

        assertTrue(original.fullyControlled(), original.describe()); // not "blocked where the agent does not see"
        assertEquals("replayed exactly (" + original.length() + " decisions)", replay.replayCheck(original));
    }

    /**
     * main holds monitor m (really and in the model) while 'other' enters m with no point before it, as a
     * synchronized method of a retransformed class does: other blocks inside the JVM.
     */
    private static Schedule blockedOnAHeldMonitor(long seed) throws InterruptedException {
        Scheduler scheduler = Scheduler.randomWalk(seed);
        Object m = new Object();
        Thread other = new Thread(() -> {
            scheduler.atPoint(2, "other", Event.FIELD_READ, null, 0);
            synchronized (m) {
                scheduler.acquired(m);
                scheduler.atPoint(2, "other", Event.MONITOR_EXIT, m, 0);
            }
        }, "other");
        scheduler.atPoint(1, "main", Event.MONITOR_ENTER, m, 0);
        synchronized (m) {
            scheduler.acquired(m);
            scheduler.threadStarting(other, 2);
            scheduler.atPoint(1, "main", Event.THREAD_START, other, 0);
            other.start();
            while (!blockedOn(other, m)) {
                scheduler.atPoint(1, "main", Event.FIELD_READ, null, 0);
            }
            scheduler.atPoint(1, "main", Event.MONITOR_EXIT, m, 0);
        }
        for (int i = 0; i < 5; i++) {
            scheduler.atPoint(1, "main", Event.FIELD_READ, null, 0);
        }
        other.join(60_000); // a guard against a hang, not a speed goal
        assertFalse(other.isAlive(), "other never got the monitor");
        scheduler.close();
        return scheduler.schedule();
    }

    /**
     * Whether {@code thread} is blocked on {@code monitor}: not merely BLOCKED, which a thread waiting for its
     * turn also is for a moment when it takes the scheduler's own lock.
     */
    private static boolean blockedOn(Thread thread, Object monitor) {
        java.lang.management.LockInfo lock = LockQueries.blockedOn(thread);
        return lock != null && lock.getIdentityHashCode() == System.identityHashCode(monitor);
    }

    /** Until the thread has parked in the scheduler at least once. */
    private static void waitingForItsTurn(Thread thread) {
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.isAlive()) {
            Thread.onSpinWait();
        }
    }
}
