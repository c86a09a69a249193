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
        Thread parker = new Thread(() -> modelled[0] = scheduler.park(2, "parker", false));
        parker.start();
        waitingForItsTurn(parker);

        scheduler.close();
        parker.join(60_000);

        assertFalse(parker.isAlive(), "still parked after the scheduler closed");
        // Not left to the caller: its real park could wait for ever, the wait for the turn having used up a real
        // permit the model never saw (a thread outside the round completing a future did that).
        assertTrue(modelled[0], "the park returned early: the caller re-checks its condition, as after any park");
    }

    /** Until the thread has parked in the scheduler at least once. */
    private static void waitingForItsTurn(Thread thread) {
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.isAlive()) {
            Thread.onSpinWait();
        }
    }
}
