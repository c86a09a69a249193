package dev.jostle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** A round fails when anything goes wrong in any of its threads, and the message says how to replay it. */
class JostledFailureTests {

    @Test
    void assertionFailsInTheTestThread_run_messageStartsWithTheOriginalFailure() {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(FailingAssertionTestCase.class));
        String message = failure.getMessage();

        assertTrue(message.startsWith("org.opentest4j.AssertionFailedError: expected: <1> but was: <2>"), message);
        assertTrue(failure.getCause() instanceof AssertionFailedError, "the original failure is the cause");
        assertTrue(java.util.Arrays.stream(failure.getStackTrace())
                .anyMatch(frame -> frame.getClassName().endsWith("$FailingAssertionTestCase")
                        && frame.getMethodName().equals("fails")),
                "the trace still points at the user's assertion");
    }

    @Test
    void failingRound_run_namesTheRoundStrategyAndSeedAndHowToReplayIt() {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(FailsInRoundThreeTestCase.class));
        String message = failure.getMessage();

        assertTrue(message.contains("jostle: round 3 failed"), message);
        assertTrue(message.contains("strategy: random"), message);
        assertTrue(message.contains("seed:     1003 (base seed 1000, as configured)"), message);
        assertTrue(message.contains("last noise injected before the failure"), message);
        assertTrue(message.contains("replay: @Jostled(seed = 1003L, strategy = \"random\")"), message);
        assertTrue(message.contains("-Djostle.seed=1003 -Djostle.strategy=random"), message);
        // It fails by round number, not by seed: replayed as round 0 it passes at once, and the report says so.
        assertTrue(message.contains("this seed failed again in 0 of 1 replay"), message);
        assertTrue(message.contains("a failure that needs a lucky time slice"), message);
    }

    @Test
    void failingRound_run_publishesTheFailedRoundAndItsSeed() {
        java.util.Map<String, String> entries = JostledTestKit.reportEntries(
                JostledTestKit.run(FailsInRoundThreeTestCase.class, "jostle.replays", "0"));

        assertEquals("1", entries.get("jostle.failures"));
        assertEquals("3", entries.get("jostle.failedRound"));
        assertEquals("1003", entries.get("jostle.failedSeed"));
        assertEquals("4", entries.get("jostle.rounds"), "rounds 0 to 3, then it stopped");
    }

    @Test
    void exceptionInAChildThread_run_failsTheTestNamingTheThread() {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(ChildThreadFailsTestCase.class));
        String message = failure.getMessage();

        assertTrue(message.startsWith("java.lang.IllegalStateException: boom in a child (in thread \"child\")"),
                message);
        assertTrue(message.contains("failure:  exception in a thread (\"child\")"), message);
        assertTrue(failure.getCause() instanceof IllegalStateException);
    }

    @Test
    void assertionInAConcurrentlyTask_run_failsTheTestNamingTheThread() {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(ConcurrentlyTaskFailsTestCase.class));

        assertTrue(failure.getMessage().startsWith("java.lang.AssertionError: in thread \"concurrently-"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("expected: <true> but was: <false>"), failure.getMessage());
    }

    @Test
    void deadlock_run_isReportedWithItsLockCycleAndStacksWithoutHanging() {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(DeadlockTestCase.class));
        String message = failure.getMessage();

        assertTrue(message.startsWith("java.lang.AssertionError: deadlock"), message);
        assertTrue(message.contains("lock cycle:"), message);
        assertTrue(message.contains("\"left\" waits for ") && message.contains(" held by \"right\""), message);
        assertTrue(message.contains("\"right\" waits for ") && message.contains(" held by \"left\""), message);
        assertTrue(message.contains("dev.jostle.junit.JostledFailureTests$DeadlockTestCase.lockBoth(JostledFailureTests.java"),
                "the stacks of the threads in the cycle: " + message);
    }

    @Test
    void hang_run_failsAtTheRoundTimeoutWithTheStacks() {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(HangTestCase.class));
        String message = failure.getMessage();

        assertTrue(message.startsWith("java.lang.AssertionError: round did not finish within 300ms"), message);
        assertTrue(message.contains("dev.jostle.junit.JostledFailureTests$HangTestCase.waitsForever(JostledFailureTests.java"),
                message);
    }

    @Test
    void threadsLeftRunning_runAskingToFailOnThem_fails() {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(LeftoverThreadTestCase.class));

        assertTrue(failure.getMessage().startsWith(
                "java.lang.AssertionError: the round returned while threads it started were still running: \"sleeper\""),
                failure.getMessage());
    }

    @Test
    void threadsLeftRunning_runByDefault_passes() {
        JostledTestKit.run(LeftoverAllowedTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    static class FailingAssertionTestCase {
        @Jostled(rounds = 5, time = "0", parallel = 1)
        void fails() {
            org.junit.jupiter.api.Assertions.assertEquals(1, 2);
        }
    }

    static class FailsInRoundThreeTestCase {
        @Jostled(rounds = 10, time = "0", seed = 1000, strategy = "random", parallel = 1)
        void failsInRoundThree() {
            // Each round's root thread is named after the test and the round number.
            if (Thread.currentThread().getName().endsWith("-3")) {
                throw new AssertionError("round three");
            }
        }
    }

    static class ChildThreadFailsTestCase {
        @Jostled(rounds = 3, time = "0", parallel = 1)
        void childFails() throws InterruptedException {
            Thread child = new Thread(() -> {
                throw new IllegalStateException("boom in a child");
            }, "child");
            child.start();
            child.join();
            // The test thread saw nothing wrong; the round still fails.
        }
    }

    static class ConcurrentlyTaskFailsTestCase {
        static final AtomicInteger calls = new AtomicInteger();

        @Jostled(rounds = 3, time = "0", parallel = 1)
        void oneTaskFails() {
            Concurrently.run(3, thread -> org.junit.jupiter.api.Assertions.assertTrue(thread != 1));
        }
    }

    static class DeadlockTestCase {
        private final Object a = new Object();
        private final Object b = new Object();

        @Jostled(rounds = 3, time = "0", parallel = 1, roundTimeout = "30s")
        void deadlocks() throws InterruptedException {
            CountDownLatch bothHoldOne = new CountDownLatch(2);
            Thread left = new Thread(() -> lockBoth(a, b, bothHoldOne), "left");
            Thread right = new Thread(() -> lockBoth(b, a, bothHoldOne), "right");
            left.start();
            right.start();
            left.join();
            right.join();
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
    }

    static class HangTestCase {
        @Jostled(rounds = 3, time = "0", parallel = 1, roundTimeout = "300ms")
        void waitsForever() throws InterruptedException {
            new CountDownLatch(1).await();
        }
    }

    static class LeftoverThreadTestCase {
        @Jostled(rounds = 3, time = "0", parallel = 1, failOnLeftoverThreads = true)
        void leavesAThread() {
            startSleeper();
        }
    }

    static class LeftoverAllowedTestCase {
        @Jostled(rounds = 3, time = "0", parallel = 1)
        void leavesAThread() {
            startSleeper();
        }
    }

    private static void startSleeper() {
        Thread sleeper = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(5);
            } catch (InterruptedException e) {
                // Interrupted by the round's cleanup: done.
            }
        }, "sleeper");
        sleeper.start();
    }
}
