package dev.jostle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.runtime.JostleRuntime;
import dev.jostle.agent.runtime.Session;
import dev.jostle.agent.runtime.Strategy;
import dev.jostle.agent.schedule.Schedule;
import dev.jostle.programs.fixtures.LateWaiter;
import dev.jostle.programs.fixtures.ManySteps;
import dev.jostle.programs.fixtures.TakeTurns;
import dev.jostle.programs.fixtures.ThrowsWhileOthersRun;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RoundRunnerTests {

    private final Session session = JostleRuntime.newSession(Strategy.NONE, 42, false);
    private final RoundRunner runner = RoundRunner.builder().timeout(Duration.ofSeconds(3)).build();

    @Test
    void bodyLoadingClassesPastTheLimit_run_passes_asLoadingTimeIsNotCounted() {
        LoadingTime loading = new LoadingTime();
        RoundRunner counting = RoundRunner.builder().timeout(Duration.ofSeconds(1))
                .loadingTime(loading, Duration.ofMinutes(2)).build();

        RoundOutcome outcome = counting.run(root -> session.openRound(0, root), () -> {
            loading.enter(); // as a round's class loader does while it reads, defines and instruments a class
            try {
                Thread.sleep(2000);
            } finally {
                loading.exit();
            }
        });

        assertTrue(outcome.passed(), outcome.headline());
    }

    @Test
    void bodyStillLoadingWhenEvenTheLoadingAllowanceIsSpent_run_failsAsALoadingTimeout_notAHang() {
        LoadingTime loading = new LoadingTime();
        RoundRunner counting = RoundRunner.builder().timeout(Duration.ofMillis(300))
                .loadingTime(loading, Duration.ofMillis(300)).build();

        RoundOutcome outcome = counting.run(root -> session.openRound(0, root), () -> {
            loading.enter();
            try {
                new CountDownLatch(1).await(); // a load that does not end (until the round interrupts it)
            } finally {
                loading.exit();
            }
        });

        assertEquals(FailureKind.LOADING_TIMEOUT, outcome.kind(), outcome.headline());
        assertTrue(outcome.failure().getMessage().contains("was still loading classes"), outcome.headline());
    }

    @Test
    void bodyStillLoadingWhenTheSearchsBudgetEnds_run_isUnfinished_notALoadingTimeoutFailure() {
        LoadingTime loading = new LoadingTime();
        RoundRunner counting = RoundRunner.builder().loadingTime(loading, Duration.ofMinutes(2)).build();
        // Room for the limit and a hang's grace, and a little more: far less than the two minutes of loading
        // the runner gives back when the search has time for them.
        RoundTimeout limit = RoundTimeout.fixed(Duration.ofMillis(300))
                .within(Duration.ofMillis(500).plus(Deadline.AFTER_TIMEOUT));

        RoundOutcome outcome = counting.run(root -> session.openRound(0, root), () -> {
            loading.enter();
            try {
                new CountDownLatch(1).await(); // a load that does not end (until the round interrupts it)
            } finally {
                loading.exit();
            }
        }, limit);

        assertTrue(outcome.unfinished(), outcome.headline());
        assertEquals(FailureKind.LOADING_TIMEOUT, outcome.kind(), outcome.headline());
        assertTrue(Campaign.ranOutOfTheSearch(outcome, limit), "the campaign drops it: " + outcome.headline());
    }

    @Test
    void bodyHangsAfterLoadingLessThanTheBudgetLeaves_run_isATimeout() {
        LoadingTime loading = new LoadingTime();
        RoundRunner counting = RoundRunner.builder().loadingTime(loading, Duration.ofMinutes(2)).build();
        RoundTimeout limit = RoundTimeout.fixed(Duration.ofMillis(300)).within(Duration.ofMinutes(1));

        RoundOutcome outcome = counting.run(root -> session.openRound(0, root), () -> {
            loading.enter();
            try {
                Thread.sleep(200);
            } finally {
                loading.exit();
            }
            new CountDownLatch(1).await();
        }, limit);

        assertEquals(FailureKind.TIMEOUT, outcome.kind(), outcome.headline());
        assertFalse(outcome.unfinished(), "it had all its loading time back, and hung: " + outcome.headline());
    }

    @Test
    void bodyPastTheLimitWithoutLoading_runWithLoadingTime_isStillATimeout() {
        RoundRunner counting = RoundRunner.builder().timeout(Duration.ofMillis(300))
                .loadingTime(new LoadingTime(), Duration.ofMinutes(2)).build();

        RoundOutcome outcome = counting.run(root -> session.openRound(0, root), () -> new CountDownLatch(1).await());

        assertEquals(FailureKind.TIMEOUT, outcome.kind(), outcome.headline());
    }

    @Test
    void passingBody_run_passes() {
        RoundOutcome outcome = runner.run(root -> session.openRound(0, root), () -> { });

        assertTrue(outcome.passed(), outcome.headline());
        assertEquals(42, outcome.report().seed());
    }

    @Test
    void bodyThrows_run_failsWithTheOriginalException() {
        RoundOutcome outcome = runner.run(root -> session.openRound(1, root), () -> {
            throw new IllegalStateException("boom");
        });

        assertEquals(FailureKind.EXCEPTION, outcome.kind());
        assertInstanceOf(IllegalStateException.class, outcome.failure());
        assertEquals(43, outcome.report().seed(), "round 1 runs under seed base + 1");
    }

    @Test
    void childThreadThrows_run_failsNamingTheThread() {
        RoundOutcome outcome = runner.run(root -> session.openRound(0, root), () -> {
            Thread child = new Thread(() -> {
                throw new AssertionError("child saw 1, expected 2");
            }, "worker-7");
            child.start();
            child.join();
        });

        assertEquals(FailureKind.THREAD_EXCEPTION, outcome.kind());
        assertEquals("worker-7", outcome.thread());
        assertEquals("child saw 1, expected 2", outcome.failure().getMessage());
    }

    @Test
    void twoThreadsTakeLocksInOppositeOrder_run_reportsTheCycleWithoutHanging() {
        Object left = new Object();
        Object right = new Object();
        RoundOutcome outcome = runner.run(root -> session.openRound(0, root), () -> {
            CountDownLatch bothHoldOne = new CountDownLatch(2);
            Thread a = new Thread(() -> lockBoth(left, right, bothHoldOne), "transfer-a-to-b");
            Thread b = new Thread(() -> lockBoth(right, left, bothHoldOne), "transfer-b-to-a");
            a.start();
            b.start();
            a.join();
            b.join();
        });

        assertEquals(FailureKind.DEADLOCK, outcome.kind());
        assertTrue(outcome.details().contains("\"transfer-a-to-b\" waits for"), outcome.details());
        assertTrue(outcome.details().contains("held by \"transfer-b-to-a\""), outcome.details());
        assertTrue(outcome.details().contains("RoundRunnerTests.lockBoth"), "stacks are included: " + outcome.details());
    }

    private static void lockBoth(Object first, Object second, CountDownLatch bothHoldOne) {
        synchronized (first) {
            bothHoldOne.countDown();
            try {
                bothHoldOne.await();
            } catch (InterruptedException e) {
                return;
            }
            synchronized (second) {
                second.hashCode();
            }
        }
    }

    @Test
    void bodyNeverEnds_run_timesOutWithStacks() {
        RoundRunner quick = RoundRunner.builder().timeout(Duration.ofMillis(300)).build();

        RoundOutcome outcome = quick.run(root -> session.openRound(0, root), () -> {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
        });

        assertEquals(FailureKind.TIMEOUT, outcome.kind());
        assertTrue(outcome.failure().getMessage().contains("did not finish within 300ms"), outcome.failure().getMessage());
        assertTrue(outcome.details().contains("bodyNeverEnds_run_timesOutWithStacks"), outcome.details());
    }

    @Test
    void controlledLivelock_runTwiceWithOneSeed_cutAtTheTimeoutAndReplayedExactlyUpToIt() {
        RoundRunner quick = RoundRunner.builder().timeout(Duration.ofMillis(300)).build();

        Schedule original = livelock(quick);
        Schedule replay = livelock(quick);

        assertTrue(original.cut(), original.describe());
        assertTrue(original.fullyControlled(), original.describe());
        assertTrue(replay.replayCheck(original).startsWith("replayed exactly up to the cut"),
                replay.replayCheck(original)); // the interrupts after the timeout take no decisions
    }

    @Test
    void controlledRoundBusierThanItsTimeoutUnderControl_run_isCutAtHalfAndFinishesFree() {
        // 20 million shared-field steps: seconds of hand-overs under control, a fraction of a second free. A
        // timeout that measures the program must not fail it for the scheduler's cost.
        RoundRunner runner = RoundRunner.builder().timeout(Duration.ofSeconds(10)).build();
        Session controlled = JostleRuntime.newSession(Strategy.CONTROLLED_RANDOM, 3, false);

        RoundOutcome outcome = runner.run(root -> controlled.openRound(0, root), () -> ManySteps.take(20_000_000));

        assertTrue(outcome.passed(), outcome.headline());
        Schedule schedule = outcome.report().schedule();
        assertTrue(schedule.cut(), schedule.describe());
        assertTrue(schedule.describe().contains("cut at half the round timeout, then run free"), schedule.describe());
    }

    @Test
    void controlledRoundWhoseWaiterIsNeverNotified_run_hangs_notAWakeUpNobodySent() {
        RoundRunner quick = RoundRunner.builder().timeout(Duration.ofSeconds(2)).build();
        Session controlled = JostleRuntime.newSession(Strategy.CONTROLLED_RANDOM, 5, false);

        RoundOutcome outcome = quick.run(root -> controlled.openRound(0, root), LateWaiter::waitsForever);

        assertEquals(FailureKind.TIMEOUT, outcome.kind(), "the scheduler let the waiter go as if notified");
    }

    @Test
    void controlledRoundWhoseMainFailsWhileAThreadRuns_runTwiceWithOneSeed_takesTheSameDecisions() {
        Schedule original = failingEarly();
        Schedule replay = failingEarly();

        assertEquals("replayed exactly (" + original.length() + " decisions)", replay.replayCheck(original),
                "decisions taken after main failed depend on how soon the runner notices");
    }

    private static Schedule failingEarly() {
        Session controlled = JostleRuntime.newSession(Strategy.CONTROLLED_RANDOM, 9, false);
        RoundOutcome outcome = RoundRunner.builder().timeout(Duration.ofSeconds(10)).build()
                .run(root -> controlled.openRound(0, root), ThrowsWhileOthersRun::failsEarly);
        assertEquals(FailureKind.EXCEPTION, outcome.kind());
        return outcome.report().schedule();
    }

    /** Two threads take turns until interrupted, under controlled-random seed 5: a hang the timeout ends. */
    private static Schedule livelock(RoundRunner quick) {
        Session controlled = JostleRuntime.newSession(Strategy.CONTROLLED_RANDOM, 5, false);
        RoundOutcome outcome = quick.run(root -> controlled.openRound(0, root), TakeTurns::untilInterrupted);
        assertEquals(FailureKind.TIMEOUT, outcome.kind());
        return outcome.report().schedule();
    }

    @Test
    void hang_runWithAFrontEndsWording_saysWhereTheLimitCameFromAndHowToChangeIt() {
        RoundRunner hunting = RoundRunner.builder().timeoutSetting("--round-timeout {}").build();

        RoundOutcome outcome = hunting.run(root -> session.openRound(0, root), () -> new CountDownLatch(1).await(),
                RoundTimeout.fixed(Duration.ofMillis(300)));

        assertEquals(FailureKind.TIMEOUT, outcome.kind());
        assertTrue(outcome.failure().getMessage().startsWith("round did not finish within 300ms"),
                outcome.failure().getMessage());
        assertTrue(outcome.details().contains("The round timeout, 300ms, was set, not derived from a round's duration."
                + " If the round is only slow, not hung, give it more time: --round-timeout 1s."), outcome.details());
    }

    @Test
    void roundBlockedOnALockAnotherThreadHolds_hang_saysTheHolderIsOutsideTheRound() throws InterruptedException {
        Object shared = new Object();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread otherRound = new Thread(() -> {
            synchronized (shared) {
                holding.countDown();
                awaitQuietly(release);
            }
        }, "another-round");
        otherRound.start();
        holding.await();
        RoundRunner quick = RoundRunner.builder().timeout(Duration.ofMillis(300)).build();

        RoundOutcome outcome;
        try {
            outcome = quick.run(root -> session.openRound(0, root), () -> {
                synchronized (shared) {
                    shared.notifyAll();
                }
            });
        } finally {
            release.countDown();
            otherRound.join();
        }

        assertEquals(FailureKind.TIMEOUT, outcome.kind());
        assertTrue(outcome.failure().getMessage().endsWith("; blocked by a thread outside the round"),
                outcome.failure().getMessage());
        assertTrue(outcome.details().contains("held by \"another-round\", a thread outside this round"),
                outcome.details());
        assertTrue(outcome.details().contains("(parallel = 1)"), outcome.details());
    }

    @Test
    void derivedLimit_explain_namesTheMeasuredDurationTheMultipleAndTheFloor() {
        assertEquals("The round timeout, 13s, is 10 x the 1.23s a round without noise took (at least 5s).",
                RoundTimeout.measured(Duration.ofMillis(1234)).explain());
    }

    @Test
    void uninstrumentedThreadSwallowsInterrupts_hang_isNamedWithItsStackAsNotStopped() throws InterruptedException {
        AtomicBoolean release = new AtomicBoolean();
        Thread[] stubborn = new Thread[1];
        RoundRunner quick = RoundRunner.builder().timeout(Duration.ofMillis(300)).build();

        RoundOutcome outcome = quick.run(root -> session.openRound(0, root), () -> {
            stubborn[0] = new Thread(() -> {
                while (!release.get()) {
                    sleepSwallowingInterrupts(10);
                }
            }, "stubborn");
            stubborn[0].start();
            stubborn[0].join();
        });
        release.set(true);
        stubborn[0].join();

        assertEquals(FailureKind.TIMEOUT, outcome.kind());
        assertTrue(outcome.details().contains("1 thread of the round still running 1s after being interrupted:"
                + " \"stubborn\"."), outcome.details());
        // This package is never instrumented, so the thread never reaches an access where it could be stopped.
        assertTrue(outcome.details().contains("may run on into later tests): \"stubborn\"."), outcome.details());
        assertTrue(outcome.details().contains("sleepSwallowingInterrupts"), "with its stack: " + outcome.details());
    }

    private static void sleepSwallowingInterrupts(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException swallowed) {
            // As some worker loops do: the round's interrupt does not stop this thread.
        }
    }

    @Test
    void threadLeftRunning_runFailingOnLeftovers_failsNamingIt() {
        RoundRunner strict = RoundRunner.builder().failOnLeftoverThreads(true).build();
        CountDownLatch release = new CountDownLatch(1);

        RoundOutcome outcome = strict.run(root -> session.openRound(0, root), () -> {
            new Thread(() -> awaitQuietly(release), "forgotten").start();
        });
        release.countDown();

        assertEquals(FailureKind.LEFTOVER_THREADS, outcome.kind());
        assertTrue(outcome.failure().getMessage().contains("\"forgotten\""), outcome.failure().getMessage());
    }

    @Test
    void threadLeftRunning_runIgnoringLeftovers_passes() {
        CountDownLatch release = new CountDownLatch(1);

        RoundOutcome outcome = runner.run(root -> session.openRound(0, root), () -> {
            new Thread(() -> awaitQuietly(release), "forgotten").start();
        });
        release.countDown();

        assertTrue(outcome.passed(), outcome.headline());
    }

    @Test
    void programStyleRound_awaitAllThreads_waitsForNonDaemonChildren() {
        RoundRunner program = RoundRunner.builder().daemonThreads(false).awaitAllThreads(true).build();
        int[] seen = new int[1];

        RoundOutcome outcome = program.run(root -> session.openRound(0, root), () -> {
            new Thread(() -> {
                sleepQuietly(50);
                throw new IllegalStateException("late failure " + (++seen[0]));
            }, "late").start();
        });

        assertEquals(FailureKind.THREAD_EXCEPTION, outcome.kind(), "main returned first, the child's failure still counts");
        assertNull(outcome.details());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
