package dev.jostle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** How long a jostled test runs: never on too few jostled rounds, never timed out for being slow. */
class JostledBudgetTests {

    @Test
    void roundsLongerThanTheTimeBudget_run_stillRunTheMinimumOfJostledRounds() {
        Map<String, String> entries = JostledTestKit.reportEntries(JostledTestKit.run(SlowerThanItsTimeTestCase.class));

        assertEquals("0", entries.get("jostle.failures"), entries.toString());
        assertEquals("3", entries.get("jostle.rounds"), "the default minimum, although one round outlasts the time");
    }

    @Test
    void junitTimeoutShorterThanTheTimeBudget_run_roundsRunOutsideItAndTheTestPasses() {
        EngineExecutionResults results = JostledTestKit.run(ShortJUnitTimeoutTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertTrue(Integer.parseInt(JostledTestKit.reportEntries(results).get("jostle.rounds")) >= 3);
    }

    @Test
    void testTakingMostOfItsJUnitTimeout_run_stillRunsTheMinimumOfJostledRounds() {
        // Commons Pool's testReturnBorrowObjectWithingMaxWaitMillis takes 1.1 s of its @Timeout(1200 ms): run
        // inside JUnit's timeout, the minimum of rounds outlasted it, and JUnit failed a test no round failed.
        EngineExecutionResults results = JostledTestKit.run(MostOfItsJUnitTimeoutTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        Map<String, String> entries = JostledTestKit.reportEntries(results);
        assertEquals("0", entries.get("jostle.failures"), entries.toString());
        assertTrue(Integer.parseInt(entries.get("jostle.rounds")) >= 3, entries.toString());
    }

    @Test
    void hangUnderAJUnitTimeout_run_isStillCaughtByTheRoundTimeout() {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(HangsUnderAJUnitTimeoutTestCase.class));

        assertTrue(failure.getMessage().startsWith("java.lang.AssertionError: round did not finish within 1s"),
                failure.getMessage());
    }

    @Test
    void minRoundsAsAConfigurationParameter_run_isTheFloor() {
        Map<String, String> entries = JostledTestKit.reportEntries(
                JostledTestKit.run(SlowerThanItsTimeTestCase.class, "jostle.minRounds", "5"));

        assertEquals("5", entries.get("jostle.rounds"), entries.toString());
    }

    @Test
    void roundsBelowTheMinimum_run_failsAtOnceNamingBothSettingsAndTheWayOut() {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(TooFewRoundsTestCase.class));

        assertTrue(failure.getMessage().startsWith("@Jostled(rounds = 2) is below the default minRounds = 3"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("@Jostled(minRounds = 2) or -Djostle.minRounds=2"),
                failure.getMessage());
        assertEquals(0, TooFewRoundsTestCase.calls, "not run at all, rather than passed on two rounds");
    }

    @Test
    void zeroMinRounds_run_failsNamingTheAttribute() {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(ZeroMinRoundsTestCase.class));

        assertEquals("@Jostled(minRounds = 0): minRounds must be at least 1", failure.getMessage());
    }

    @Test
    void hangUnderNoise_runWithoutARoundTimeout_namesTheMeasuredDurationTheLimitAndHowToChangeIt() {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(HangsUnderNoiseTestCase.class));
        String message = failure.getMessage();

        // The round without noise returns at once, so the limit is the 5 s floor.
        assertTrue(message.startsWith("java.lang.AssertionError: round did not finish within 5s"), message);
        assertTrue(message.contains("The round timeout, 5s, is 10 x the ")
                && message.contains(" a round without noise took (at least 5s)."), message);
        assertTrue(message.contains("give it more time: @Jostled(roundTimeout = \"15s\") or -Djostle.roundTimeout=15s."),
                message);
    }

    static class ShortJUnitTimeoutTestCase {
        // JUnit's timeout wraps the whole run of rounds; the default time budget (2s) would outlast it.
        @Jostled(strategy = "random")
        @org.junit.jupiter.api.Timeout(value = 600, unit = java.util.concurrent.TimeUnit.MILLISECONDS)
        void quick() throws InterruptedException {
            Thread.sleep(1);
        }
    }

    static class MostOfItsJUnitTimeoutTestCase {
        @Jostled(strategy = "random", parallel = 1)
        @org.junit.jupiter.api.Timeout(value = 1, unit = java.util.concurrent.TimeUnit.SECONDS)
        void sleeps() throws InterruptedException {
            Thread.sleep(400);
        }
    }

    static class HangsUnderAJUnitTimeoutTestCase {
        @Jostled(strategy = "random", parallel = 1, roundTimeout = "1s")
        @org.junit.jupiter.api.Timeout(value = 1, unit = java.util.concurrent.TimeUnit.SECONDS)
        void hangsInJostledRounds() throws InterruptedException {
            if (!Thread.currentThread().getName().endsWith("--1")) {
                new CountDownLatch(1).await();
            }
        }
    }

    static class SlowerThanItsTimeTestCase {
        @Jostled(time = "1ms", strategy = "random", parallel = 1)
        void sleeps() throws InterruptedException {
            Thread.sleep(30);
        }
    }

    static class TooFewRoundsTestCase {
        static int calls;

        @Jostled(rounds = 2)
        void test() {
            calls++;
        }
    }

    static class ZeroMinRoundsTestCase {
        @Jostled(minRounds = 0)
        void test() {
        }
    }

    static class HangsUnderNoiseTestCase {
        @Jostled(strategy = "random", parallel = 1)
        void hangsInJostledRounds() throws InterruptedException {
            // The round without noise is numbered -1, and its thread is named after it.
            if (!Thread.currentThread().getName().endsWith("--1")) {
                new CountDownLatch(1).await();
            }
        }
    }
}
