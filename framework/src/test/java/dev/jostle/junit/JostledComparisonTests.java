package dev.jostle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** compareWithoutNoise runs the budget without noise first and states both counts. */
class JostledComparisonTests {

    @Test
    void passingTest_runComparing_runsTheBudgetTwiceAndReportsBothCounts() {
        PassingTestCase.rounds.set(0);

        EngineExecutionResults results = JostledTestKit.run(PassingTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertEquals(2 * 12, PassingTestCase.rounds.get(), "12 rounds without noise, then 12 with");
        Map<String, String> entries = JostledTestKit.reportEntries(results);
        assertEquals("0 of 12 rounds failed without jostling; 0 of 12 rounds failed with jostling",
                entries.get("jostle.withoutJostling"));
    }

    @Test
    void failingTest_runComparing_statesBothCountsInTheFailure() {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(FailsInRoundThreeTestCase.class));

        assertTrue(failure.getMessage().contains(
                "evidence: 1 of 12 rounds failed without jostling; round 3 failed with jostling"), failure.getMessage());
    }

    @Test
    void failsOnlyWithoutNoise_runComparing_stillFailsSayingSo() {
        FailsOnlyInFirstRunTestCase.runs.set(0);

        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(FailsOnlyInFirstRunTestCase.class));

        assertTrue(failure.getMessage().contains("jostle: round 0 failed without jostling (noise off)"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("evidence: 1 of 12 rounds failed without jostling; 0 of 12 rounds"
                + " failed with jostling"), failure.getMessage());
        assertTrue(failure.getMessage().contains("-Djostle.strategy=none"), failure.getMessage());
    }

    static class PassingTestCase {
        static final AtomicInteger rounds = new AtomicInteger();

        @Jostled(rounds = 12, time = "0", parallel = 1, strategy = "random", compareWithoutNoise = true)
        void passes() {
            rounds.incrementAndGet();
        }
    }

    static class FailsInRoundThreeTestCase {
        @Jostled(rounds = 12, time = "0", parallel = 1, strategy = "random", compareWithoutNoise = true)
        void failsInRoundThree() {
            if (Thread.currentThread().getName().endsWith("-3")) {
                throw new AssertionError("round three");
            }
        }
    }

    static class FailsOnlyInFirstRunTestCase {
        static final AtomicInteger runs = new AtomicInteger();

        @Jostled(rounds = 12, time = "0", parallel = 1, strategy = "random", compareWithoutNoise = true)
        void failsTheVeryFirstTime() {
            if (runs.getAndIncrement() == 0) {
                throw new AssertionError("first time only");
            }
        }
    }
}
