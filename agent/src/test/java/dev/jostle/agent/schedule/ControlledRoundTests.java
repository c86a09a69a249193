package dev.jostle.agent.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.bootstrap.Hooks;
import dev.jostle.agent.install.ConcurrencyParks;
import dev.jostle.agent.instrument.Fixtures;
import dev.jostle.agent.runtime.JostleRuntime;
import dev.jostle.agent.runtime.Round;
import dev.jostle.agent.runtime.RoundReport;
import dev.jostle.agent.runtime.Session;
import dev.jostle.agent.runtime.Strategy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Controlled rounds over real instrumented programs: bugs free-running threads rarely show are found, a
 * failing seed replays the identical decisions, and blocking runs to completion, modelled or not.
 */
class ControlledRoundTests {

    private static final Strategy[] CONTROLLED = {
        Strategy.CONTROLLED_RANDOM, Strategy.CONTROLLED_PCT, Strategy.CONTROLLED_POS};

    private final Fixtures fixtures = new Fixtures();

    /** What the agent does at start: the JDK's parks in java.util.concurrent reach the rounds' schedulers. */
    @BeforeAll
    static void modelTheJdksParks() {
        ConcurrencyParks.install(ByteBuddyAgent.install(), false);
    }

    @Test
    void lostUpdate_controlledRandom_isFoundInAFewRoundsAndItsSeedReplaysExactlyTenOfTen() throws Exception {
        Session hunt = JostleRuntime.newSession(Strategy.CONTROLLED_RANDOM, 4242, false);
        Outcome failing = null;
        for (int index = 0; index < 5 && failing == null; index++) {
            Outcome outcome = run(hunt, index, "lostUpdate");
            if ((int) outcome.result < 2000) {
                failing = outcome;
            }
        }
        assertNotNull(failing, "no update lost in 5 controlled rounds");
        assertTrue(failing.report.schedule().fullyControlled(), failing.report.schedule().describe());
        assertTrue(failing.report.schedule().length() > 4000, failing.report.schedule().describe());

        for (int replay = 0; replay < 10; replay++) {
            Session again = JostleRuntime.newSession(Strategy.CONTROLLED_RANDOM, failing.report.seed(), false);
            Outcome replayed = run(again, 0, "lostUpdate");
            assertEquals("replayed exactly (" + failing.report.schedule().length() + " decisions)",
                    replayed.report.schedule().replayCheck(failing.report.schedule()), "replay " + replay);
            assertEquals(failing.result, replayed.result, "replay " + replay);
        }
    }

    @Test
    void checkerThatMustOvertakeTenSetters_controlledPct_isFoundWithinTwoHundredRounds() throws Exception {
        Session hunt = JostleRuntime.newSession(Strategy.CONTROLLED_PCT, 17, false);
        int found = -1;
        for (int index = 0; index < 200 && found < 0; index++) {
            Outcome outcome = run(hunt, index, "checkerOvertakesSetters");
            assertTrue(outcome.report.schedule().fullyControlled(), outcome.report.schedule().describe());
            if ((int) outcome.result == 0) {
                found = index;
            }
        }
        assertTrue(found >= 0, "the checker never ran before the setters in 200 PCT rounds");
    }

    @Test
    void lostUpdate_controlledPos_isFoundInAFewRoundsAndItsSeedReplaysExactlyTenOfTen() throws Exception {
        Session hunt = JostleRuntime.newSession(Strategy.CONTROLLED_POS, 4242, false);
        Outcome failing = null;
        for (int index = 0; index < 5 && failing == null; index++) {
            Outcome outcome = run(hunt, index, "lostUpdate");
            if ((int) outcome.result < 2000) {
                failing = outcome;
            }
        }
        assertNotNull(failing, "no update lost in 5 POS rounds");
        assertTrue(failing.report.schedule().fullyControlled(), failing.report.schedule().describe());
        assertTrue(failing.report.schedule().describe().contains("controlled-pos"),
                failing.report.schedule().describe());

        for (int replay = 0; replay < 10; replay++) {
            Session again = JostleRuntime.newSession(Strategy.CONTROLLED_POS, failing.report.seed(), false);
            Outcome replayed = run(again, 0, "lostUpdate");
            assertEquals("replayed exactly (" + failing.report.schedule().length() + " decisions)",
                    replayed.report.schedule().replayCheck(failing.report.schedule()), "replay " + replay);
            assertEquals(failing.result, replayed.result, "replay " + replay);
        }
    }

    @Test
    void producerAndConsumerWithWaitAndNotify_controlled_runToCompletionUnderControl() throws Exception {
        everyRoundFullyControlled(99, 5, "waitNotifyHandOff", 210);
    }

    @Test
    void waitersWokenByTheScheduler_controlled_seeNoInterruptOfItsOwnAndKeepTheUsers() throws Exception {
        everyRoundFullyControlled(11, 10, "waitersAndAnInterrupt", 31);
    }

    @Test
    void threadsCallingSynchronizedMethods_controlled_waitForTheMonitorUnderControl() throws Exception {
        everyRoundFullyControlled(3, 10, "synchronizedMethods", 60);
    }

    /**
     * A static synchronized method of a class being defined takes its class's monitor in code, behind a point:
     * the two callers wait for it in the model, not inside the JVM, where the JVM would pick which gets it
     * ("wait inside the JVM for one monitor": the round lost control).
     */
    @Test
    void twoThreadsCallingAStaticSynchronizedMethodAThirdIsIn_controlled_waitUnderControlAndReplayExactly()
            throws Exception {
        for (Strategy strategy : CONTROLLED) {
            Session session = JostleRuntime.newSession(strategy, 5, false);
            for (int index = 0; index < 5; index++) {
                Outcome outcome = run(session, index, "staticSynchronizedMethod");
                Schedule schedule = outcome.report.schedule();
                assertEquals(3, outcome.result, strategy + " round " + index);
                assertTrue(schedule.fullyControlled(), strategy + " round " + index + ": " + schedule.describe());

                Outcome replayed = run(JostleRuntime.newSession(strategy, outcome.report.seed(), false), 0,
                        "staticSynchronizedMethod");
                assertEquals("replayed exactly (" + schedule.length() + " decisions)",
                        replayed.report.schedule().replayCheck(schedule), strategy + " round " + index);
            }
        }
    }

    @Test
    void oneNotifyWithTwoWaiters_controlled_wakesOneOfThem() throws Exception {
        everyRoundFullyControlled(21, 20, "wokenByOneNotify", 1);
    }

    @Test
    void joinAndParkUnpark_controlled_runToCompletionUnderControl() throws Exception {
        everyRoundFullyControlled(5, 5, "joinAndPark", 3);
    }

    @Test
    void threadBlockedInsideJdkIo_controlled_completesMarkedNotFullyControlled() throws Exception {
        Outcome outcome = run(JostleRuntime.newSession(Strategy.CONTROLLED_RANDOM, 3, false), 0, "blockedInJdkIo");

        assertEquals(7, outcome.result);
        Schedule schedule = outcome.report.schedule();
        assertFalse(schedule.fullyControlled(), schedule.describe());
        assertTrue(schedule.lostControl().contains("blocked where the agent does not see it"), schedule.describe());
        assertTrue(schedule.replayCheck(schedule).startsWith("not checked"), schedule.replayCheck(schedule));
    }

    // The blocking inside java.util.concurrent below used to lose control after 200 ms (the holder WAITING
    // unseen); ConcurrencyParks now rewrites the JDK's parks, so the scheduler models them.

    @Test
    void threadBlockedOnAJdkLock_controlled_isModelledAndStaysFullyControlled() throws Exception {
        assertFullyControlledEachRound("blockedOnAJdkLock", 2);
    }

    @Test
    void tasksOnAnExecutor_controlled_completeFullyControlled() throws Exception {
        assertFullyControlledEachRound("executorTasks", 20);
    }

    @Test
    void lockAndConditionHandOff_controlled_completesFullyControlled() throws Exception {
        assertFullyControlledEachRound("lockConditionHandOff", 210);
    }

    @Test
    void countDownLatch_controlled_completesFullyControlled() throws Exception {
        assertFullyControlledEachRound("countDownLatch", 4);
    }

    @Test
    void arrayBlockingQueueProducerAndConsumer_controlled_completeFullyControlled() throws Exception {
        assertFullyControlledEachRound("blockingQueue", 465);
    }

    @Test
    void futuresOfAnExecutorService_controlled_completeFullyControlled() throws Exception {
        assertFullyControlledEachRound("executorFutures", 45);
    }

    @Test
    void futureCompletedOutsideTheRound_controlled_completesMarkedNotFullyControlled() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Thread outsider = new Thread(() -> {
            try {
                go.await();
                while (result.getNumberOfDependents() == 0) {
                    Thread.sleep(1); // until the round's thread waits in join
                }
            } catch (InterruptedException e) {
                return;
            }
            result.complete(42);
        }, "outsider");
        outsider.start(); // started outside any round: bound to none
        Outcome outcome = run(JostleRuntime.newSession(Strategy.CONTROLLED_RANDOM, 3, false), 0,
                "awaitsAnOutsider", go, result);
        outsider.join();

        assertEquals(42, outcome.result);
        Schedule schedule = outcome.report.schedule();
        assertEquals("thread 'main' was unparked by a thread outside the round", schedule.lostControl(),
                schedule.describe());
    }

    @Test
    void checkThenActUnderAReentrantLock_controlledRandom_isFoundAndItsSeedReplaysExactly() throws Exception {
        assertFoundAndReplayedExactly("checkThenActWithALock");
    }

    @Test
    void checkThenActOnAnExecutor_controlledRandom_isFoundAndItsSeedReplaysExactly() throws Exception {
        // The pool's workers are started inside the JDK: the round must wait for each to arrive, or the
        // decisions depend on how fast a new worker reaches its first point.
        assertFoundAndReplayedExactly("checkThenActOnAnExecutor");
    }

    /** The withdrawals' balance goes to -1 within 50 rounds, and that round's seed replays it exactly 10 times. */
    private void assertFoundAndReplayedExactly(String method) throws Exception {
        Session hunt = JostleRuntime.newSession(Strategy.CONTROLLED_RANDOM, 31, false);
        Outcome failing = null;
        for (int index = 0; index < 50 && failing == null; index++) {
            Outcome outcome = run(hunt, index, method);
            assertTrue(outcome.report.schedule().fullyControlled(), outcome.report.schedule().describe());
            if ((int) outcome.result < 0) {
                failing = outcome;
            }
        }
        assertNotNull(failing, "both withdrawals never passed the check in 50 controlled rounds");

        for (int replay = 0; replay < 10; replay++) {
            Session again = JostleRuntime.newSession(Strategy.CONTROLLED_RANDOM, failing.report.seed(), false);
            Outcome replayed = run(again, 0, method);
            assertEquals("replayed exactly (" + failing.report.schedule().length() + " decisions)",
                    replayed.report.schedule().replayCheck(failing.report.schedule()), "replay " + replay);
            assertEquals(-1, replayed.result, "replay " + replay);
        }
    }

    private void assertFullyControlledEachRound(String method, int expected) throws Exception {
        for (Strategy strategy : new Strategy[] {Strategy.CONTROLLED_RANDOM, Strategy.CONTROLLED_PCT}) {
            Session session = JostleRuntime.newSession(strategy, 11, false);
            for (int index = 0; index < 5; index++) {
                Outcome outcome = run(session, index, method);
                assertEquals(expected, outcome.result, strategy + " round " + index);
                assertTrue(outcome.report.schedule().fullyControlled(),
                        strategy + " round " + index + ": " + outcome.report.schedule().describe());
            }
        }
    }

    @Test
    void sleepToLetAWorkerFinish_controlled_findsItFinishedEveryRound() throws Exception {
        // A skipped sleep let the sleeper overtake the worker: a failure no run without Jostle can have.
        everyRoundFullyControlled(5, 5, "sleepsToLetAWorkerFinish", 1);
    }

    @Test
    void shortSleep_controlled_mayEndBeforeTheOthersGetThereAndReplays() throws Exception {
        for (Strategy strategy : CONTROLLED) {
            Session session = JostleRuntime.newSession(strategy, 9, false);
            Outcome overtaken = null;
            for (int index = 0; index < 50 && overtaken == null; index++) {
                Outcome outcome = run(session, index, "shortSleepOvertaken");
                if ((int) outcome.result == 1) {
                    overtaken = outcome;
                }
            }
            assertNotNull(overtaken, strategy + ": a 5 ms sleep never ended before a 40-step worker in 50 rounds");
            Outcome again = run(JostleRuntime.newSession(strategy, overtaken.report.seed(), false), 0,
                    "shortSleepOvertaken");
            assertEquals(1, again.result, strategy + " replay");
            assertEquals("replayed exactly (" + overtaken.report.schedule().length() + " decisions)",
                    again.report.schedule().replayCheck(overtaken.report.schedule()), strategy + " replay");
        }
    }

    @Test
    void shortSleep_controlledOnTime_neverEndsBeforeTheOthersGetThere() throws Exception {
        // mixed's controlled rounds: a test's 5 ms sleep that lets a worker finish lasts until it has, or until
        // it took a step per microsecond of the sleep; 40 steps never get there.
        for (Strategy strategy : new Strategy[] {Strategy.CONTROLLED_RANDOM_ON_TIME, Strategy.CONTROLLED_PCT_ON_TIME,
                Strategy.CONTROLLED_POS_ON_TIME}) {
            Session session = JostleRuntime.newSession(strategy, 9, false);
            for (int index = 0; index < 50; index++) {
                Outcome outcome = run(session, index, "shortSleepOvertaken");
                assertEquals(0, outcome.result, strategy + " round " + index + ": the sleep ended first");
                assertTrue(outcome.report.schedule().fullyControlled(), outcome.report.schedule().describe());
            }
        }
    }

    @Test
    void shortSleepEndingEarly_controlled_stillLastsItsLengthInRealTime() throws Exception {
        // A sleep the scheduler ends early moves the round's clock to its end; real time must get there too, or
        // code timing it with Instant.now() (not the round's clock) sees it end too soon.
        everyRoundFullyControlled(13, 3, "timesAShortSleepByTheRealClock", 1);
    }

    @Test
    void longSleepNextToATicker_controlled_endsAfterItsLength() throws Exception {
        // While the round's thread sleeps 300 ms, a ticker's 20 ms parks are all that can run, and each ends when
        // it is due: time passing with nothing held up, so the long sleep is not stretched by them. Stretched, it
        // outlasted every tick (a pool's timer) and ended only when the ticker gave up after 100.
        for (Strategy strategy : CONTROLLED) {
            Session session = JostleRuntime.newSession(strategy, 7, false);
            for (int index = 0; index < 2; index++) {
                Outcome outcome = run(session, index, "ticksDuringALongSleep");
                int ticks = (Integer) outcome.result;
                // 300 ms is 15 ticks; the policy may let the ticker take a few more before the sleeper reads.
                assertTrue(ticks >= 14 && ticks < 30, strategy + " round " + index + ": " + ticks + " ticks");
                assertTrue(outcome.report.schedule().fullyControlled(), outcome.report.schedule().describe());
            }
        }
    }

    @Test
    void sleepThroughTimeUnit_controlled_isASleepOnTheRoundsClock() throws Exception {
        // TimeUnit.sleep calls Thread.sleep inside the JDK: the holder slept with the baton, the worker stood still.
        everyRoundFullyControlled(5, 5, "sleepsThroughTimeUnit", 1);
    }

    @Test
    void sleepTimedByTheProgram_controlled_lastsAsLongOnItsClock() throws Exception {
        everyRoundFullyControlled(5, 2, "timesItsOwnSleep", 1);
    }

    @Test
    void timedPollsOfAQueue_controlled_replayTheSameDecisionsAndTimeouts() throws Exception {
        // With the real clock, how often a 200 µs poll re-parks or times out depends on the machine's speed.
        for (Strategy strategy : CONTROLLED) {
            Session session = JostleRuntime.newSession(strategy, 23, false);
            for (int index = 0; index < 3; index++) {
                Outcome first = run(session, index, "timedPolls");
                assertTrue(first.report.schedule().fullyControlled(), first.report.schedule().describe());
                for (int replay = 0; replay < 3; replay++) {
                    Outcome again = run(JostleRuntime.newSession(strategy, first.report.seed(), false), 0,
                            "timedPolls");
                    assertEquals("replayed exactly (" + first.report.schedule().length() + " decisions)",
                            again.report.schedule().replayCheck(first.report.schedule()),
                            strategy + " round " + index + " replay " + replay);
                    assertEquals(first.result, again.result, strategy + " round " + index + " replay " + replay);
                }
            }
        }
    }

    @Test
    void noiseStrategy_round_hasNoSchedule() throws Exception {
        Outcome outcome = run(JostleRuntime.newSession(Strategy.NONE, 3, false).detectRaces(true), 0, "lostUpdate");

        assertNull(outcome.report.schedule());
    }

    /** Runs the fixture's method {@code rounds} rounds under each controlled strategy: the result, under control. */
    private void everyRoundFullyControlled(long seed, int rounds, String method, int expected) throws Exception {
        for (Strategy strategy : CONTROLLED) {
            Session session = JostleRuntime.newSession(strategy, seed, false);
            for (int index = 0; index < rounds; index++) {
                Outcome outcome = run(session, index, method);
                assertEquals(expected, outcome.result, strategy + " round " + index + " of " + method);
                assertTrue(outcome.report.schedule().fullyControlled(), outcome.report.schedule().describe());
            }
        }
    }

    private Outcome run(Session session, int index, String method, Object... args) throws Exception {
        Class<?> programs = fixtures.load("Scheduling");
        Round round = session.openRound(index, Thread.currentThread());
        Object result;
        try (Round.Binding binding = round.bind()) {
            result = Fixtures.call(programs, method, args);
        } finally {
            round.end();
        }
        assertNull(Hooks.firstProbeFailure(), "a probe failed");
        return new Outcome(result, round.end());
    }

    private static final class Outcome {
        final Object result;
        final RoundReport report;

        Outcome(Object result, RoundReport report) {
            this.result = result;
            this.report = report;
        }
    }
}
